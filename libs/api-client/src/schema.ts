/**
 * The types of the public API, generated from the OpenAPI document of @switchyard/openapi by
 * `npm run api-client`. Do not edit: change the document and run that again.
 */

export interface paths {
  '/v1/chat/completions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a chat completion
     * @description Only `model`, `messages` and the stream flags are checked; every other field (tools, `temperature`, `response_format`, …) goes to the upstream unchanged. Any channel that serves the model answers, natively or translated from its own format.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createChatCompletion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/completions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a text completion (legacy)
     * @description Served by OpenAI-format channels. Fields other than `model`, `prompt` and the stream flags go to the upstream unchanged.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createCompletion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/embeddings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create embeddings
     * @description Deterministic: with `x-switchyard-cache: on` (or a channel that caches) a repeated request is answered from the response cache.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createEmbeddings'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/responses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a response
     * @description A `previous_response_id` or stored input must be the caller's own, and is served by the channel that stored it. Fields other than `model`, `input` and `stream` go to the upstream unchanged.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createResponse'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/responses/{response_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a stored response
     * @description Needs a key with the `inference` scope.
     */
    get: operations['getResponse'];
    put?: never;
    post?: never;
    /**
     * Delete a stored response
     * @description Needs a key with the `inference` scope.
     */
    delete: operations['deleteResponse'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/responses/{response_id}/input_items': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a stored response's input items
     * @description Needs a key with the `inference` scope.
     */
    get: operations['listResponseInputItems'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a message
     * @description Any channel that serves the model answers: Anthropic's natively, others translated. `max_tokens` is required, as in Anthropic's API; other fields go to the upstream unchanged. The key may be sent as `x-api-key`, as Anthropic's clients do.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createMessage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/messages/count_tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Count the input tokens of a message
     * @description Counted by the provider that would serve the request where it can, else estimated.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['countMessageTokens'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1beta/models/{model}:generateContent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Generate content
     * @description Any channel that serves the model answers: Gemini's natively, others translated. The key may be sent as `x-goog-api-key` or `?key=`, as Google's clients do. Fields other than `contents` go to the upstream unchanged.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['generateContent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1beta/models/{model}:streamGenerateContent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Generate content as a stream
     * @description Any channel that serves the model answers: Gemini's natively, others translated. The key may be sent as `x-goog-api-key` or `?key=`, as Google's clients do. Fields other than `contents` go to the upstream unchanged.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['streamGenerateContent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/images/generations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Generate images
     * @description Without `model`, `gpt-image-2`. Priced per image. Other fields (`size`, `quality`, …) go to the upstream unchanged.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createImage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/images/edits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Edit images
     * @description JSON: `images[]` by file id (a `vision` or `user_data` image file uploaded here) or by URL, an optional `mask`. Multipart (what the SDKs send): `image` or `image[]` files and an optional `mask`, each at most 50 MiB (52428800 bytes), 16 images at most. Without `model`, `gpt-image-2`.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['editImage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audio/speech': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Turn text into speech
     * @description The audio streams back as the upstream produces it; `_routing` is in the `x-switchyard-*` headers. Priced per input character at the model's input price.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createSpeech'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audio/transcriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Transcribe audio
     * @description Multipart only. The audio (at most 25 MiB (26214400 bytes)) is held in object storage while the request runs and removed afterwards. Priced per audio second.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createTranscription'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/rerank': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rerank documents
     * @description Needs a key with the `inference` scope.
     */
    post: operations['rerank'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/videos/generations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a video generation
     * @description Answers at once with a queued task; poll it until it succeeds or fails. Priced per task (the model's per-call price), refunded in full when it fails. Fields other than `model` and `prompt` go to the upstream unchanged.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createVideoGeneration'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/videos/generations/{task_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a video generation
     * @description Result files are stored by us and served from `/v1/files/{file_id}/content`.
     *
     *     Needs a key with the `inference` scope.
     */
    get: operations['getVideoGeneration'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/music/generations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a music generation
     * @description Answers at once with a queued task; poll it until it succeeds or fails. Priced per task (the model's per-call price), refunded in full when it fails. Fields other than `model` and `prompt` go to the upstream unchanged.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createMusicGeneration'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/music/generations/{task_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a music generation
     * @description Result files are stored by us and served from `/v1/files/{file_id}/content`.
     *
     *     Needs a key with the `inference` scope.
     */
    get: operations['getMusicGeneration'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/3d/generations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a 3D model generation
     * @description Answers at once with a queued task; poll it until it succeeds or fails. Priced per task (the model's per-call price), refunded in full when it fails. Fields other than `model` and `prompt` go to the upstream unchanged.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createThreeDGeneration'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/3d/generations/{task_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a 3D model generation
     * @description Result files are stored by us and served from `/v1/files/{file_id}/content`.
     *
     *     Needs a key with the `inference` scope.
     */
    get: operations['getThreeDGeneration'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List files
     * @description The caller's files of the API they speak, newest first unless `order=asc`.
     *
     *     Needs a key with the `inference` scope.
     */
    get: operations['listFiles'];
    put?: never;
    /**
     * Upload a file
     * @description Multipart, one `file` part, at most 110100480 bytes (`SWITCHYARD_MAX_UPLOAD_BYTES`), refused while it streams when larger. A `batch` file is checked line by line as JSONL while it streams. An image file of purpose `vision` or `user_data` is handed to a channel of its image model (`model`, default `gpt-image-2`) for edits. In Anthropic mode the file is handed to an Anthropic channel and needs no purpose.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['uploadFile'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/files/{file_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a file
     * @description Needs a key with the `inference` scope.
     */
    get: operations['getFile'];
    put?: never;
    post?: never;
    /**
     * Delete a file
     * @description Deletes the record, then any copy a provider holds (Anthropic mode and bound image files).
     *
     *     Needs a key with the `inference` scope.
     */
    delete: operations['deleteFile'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/files/{file_id}/content': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download a file's bytes
     * @description Whole, or one byte range (`Range: bytes=first-last`, `bytes=first-`, `bytes=-suffix`); several ranges or other units get the whole file. Files uploaded in Anthropic mode are not downloadable (400), as in Anthropic's API.
     *
     *     Needs a key with the `inference` scope.
     */
    get: operations['downloadFile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/batches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List batches
     * @description Needs a key with the `inference` scope.
     */
    get: operations['listBatches'];
    put?: never;
    /**
     * Create a batch
     * @description The input file (purpose `batch`) is validated line by line; its worst-case cost is reserved at the batch price before any line runs (an unaffordable batch fails with `insufficient_quota` in its errors).
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/batches/{batch_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a batch
     * @description Needs a key with the `inference` scope.
     */
    get: operations['getBatch'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/batches/{batch_id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a batch
     * @description Lines not yet run are not run; the batch ends `cancelled` once the lines in flight finish.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['cancelBatch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List models
     * @description Every model the enabled channels visible to the caller (and allowed by their routing policy) serve, with its type, routes and price.
     *
     *     Needs a key with the `inference` scope.
     */
    get: operations['listModels'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/models/{model}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a model
     * @description Needs a key with the `inference` scope.
     */
    get: operations['getModel'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List usage records
     * @description The caller's own requests as billed, newest first, with their balance. Keys with the `usage:read` or `inference` scope.
     *
     *     Needs a key with the `usage:read` or `inference` scope.
     */
    get: operations['listUsage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/usage/daily': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get daily usage totals
     * @description Needs a key with the `usage:read` or `inference` scope.
     */
    get: operations['getDailyUsage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/usage/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get usage per hour or day, by model or channel type
     * @description The caller's requests, tokens and cost per UTC hour or day in a range, optionally split by model or channel type, with totals and each group's share. Read from roll-ups kept as usage is billed, so it answers as fast for a year as for a day.
     *
     *     Needs a key with the `usage:read` or `inference` scope.
     */
    get: operations['getUsageSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/routing-policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the routing policy
     * @description Needs a key with the `inference` scope.
     */
    get: operations['getRoutingPolicy'];
    /**
     * Set the routing policy
     * @description `byok_first`: own channels, then the PLATFORM pool; `platform_first`: the other way round; `byok_only`, `platform_only`: one kind only. Applies from the next request, on every router.
     *
     *     Needs a key with the `inference` scope.
     */
    put: operations['setRoutingPolicy'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in
     * @description Opens a console session and sets its HttpOnly cookie. With `api_key` the session has the key's scopes and ends when the key is revoked; with `email` and `password` (local accounts) it has the role's. A wrong key, email or password gets one answer, `invalid_credentials`. A browser's `Origin`, when sent, must be this site.
     *
     *     No key needed, no rate limit.
     */
    post: operations['signIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get the current session
     * @description Needs a console session: the cookie `POST /auth/sign-in` sets.
     */
    get: operations['getSession'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out
     * @description Revokes the current session (on every gateway) and clears the cookie.
     *
     *     Needs a console session: the cookie `POST /auth/sign-in` sets.
     */
    post: operations['signOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the ways to sign in
     * @description Single sign-on is offered when an OpenID Connect issuer is configured.
     *
     *     No key needed, no rate limit.
     */
    get: operations['getSignInMethods'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your sessions
     * @description The caller's live sessions (not revoked, not expired), most recently used first.
     *
     *     Needs a console session: the cookie `POST /auth/sign-in` sets.
     */
    get: operations['listSessions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sessions/{session_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke one of your sessions
     * @description Every gateway drops it at once. Revoking the current session signs out (and clears the cookie).
     *
     *     Needs a console session: the cookie `POST /auth/sign-in` sets.
     */
    delete: operations['revokeSession'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sessions/revoke-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign out everywhere
     * @description Revokes every one of the caller's sessions, the current one included, and clears the cookie.
     *
     *     Needs a console session: the cookie `POST /auth/sign-in` sets.
     */
    post: operations['revokeAllSessions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/account': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get your account
     * @description Needs a key with the `usage:read` or `inference` scope.
     */
    get: operations['getAccount'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your API keys
     * @description Revoked keys included, with when each was last used.
     *
     *     Needs a key with the `usage:read` or `inference` scope.
     */
    get: operations['listOwnKeys'];
    put?: never;
    /**
     * Create an API key
     * @description The secret is in this answer only. Scopes (default `inference`) must be among the caller's own and those their role may hold: only admins hold `admin`.
     *
     *     Needs a key with the `usage:read` or `inference` scope.
     */
    post: operations['createOwnKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/keys/{key_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke one of your API keys
     * @description Every gateway drops the key at once, and the console sessions signed in with it end.
     *
     *     Needs a key with the `usage:read` or `inference` scope.
     */
    delete: operations['revokeOwnKey'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your PRIVATE channels
     * @description Needs a key with the `inference` scope.
     */
    get: operations['listChannels'];
    put?: never;
    /**
     * Create one of your PRIVATE channels
     * @description `base_url` defaults to the provider's official API, `name` to the provider and model; the key goes in and never comes back out. A PRIVATE channel must point at a public https address (the SSRF guard), unless the operator allows private upstreams.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['createChannel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/channels/{channel_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get one of your PRIVATE channels
     * @description Needs a key with the `inference` scope.
     */
    get: operations['getChannel'];
    put?: never;
    post?: never;
    /**
     * Delete one of your PRIVATE channels
     * @description Needs a key with the `inference` scope.
     */
    delete: operations['deleteChannel'];
    options?: never;
    head?: never;
    /**
     * Change one of your PRIVATE channels
     * @description Only the fields sent change; `status` may be set to `enabled` or `disabled` (a passing test re-enables an `auto_disabled` channel).
     *
     *     Needs a key with the `inference` scope.
     */
    patch: operations['updateChannel'];
    trace?: never;
  };
  '/v1/channels/{channel_id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test one of your PRIVATE channels
     * @description Sends one small real request through the channel and reports latency and result.
     *
     *     Needs a key with the `inference` scope.
     */
    post: operations['testChannel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List or search users
     * @description Oldest first, a page at a time; `search` matches part of the id, name or email, whatever its case.
     *
     *     Needs an admin key.
     */
    get: operations['listUsers'];
    put?: never;
    /**
     * Create a user
     * @description Needs an admin key.
     */
    post: operations['createUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{user_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a user
     * @description Needs an admin key.
     */
    get: operations['getUser'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a user
     * @description Only the fields sent change. `disabled: true` makes the user's keys and sessions fail at once and refuses their sign-ins; `email: null` removes the email (and with it password sign-in).
     *
     *     Needs an admin key.
     */
    patch: operations['updateUser'];
    trace?: never;
  };
  '/admin/users/{user_id}/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a user's API keys
     * @description Needs an admin key.
     */
    get: operations['listApiKeys'];
    put?: never;
    /**
     * Create an API key
     * @description The secret is in this answer only. Without `scopes`, the key gets `inference` (which also reads usage).
     *
     *     Needs an admin key.
     */
    post: operations['createApiKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{user_id}/keys/{key_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke an API key
     * @description Every gateway drops the key at once, even while it is cached.
     *
     *     Needs an admin key.
     */
    delete: operations['revokeApiKey'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{user_id}/credits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add or remove credit
     * @description A positive amount repays debt first; a negative one may not take the balance below zero.
     *
     *     Needs an admin key.
     */
    post: operations['addCredit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{user_id}/rate-limit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a user's own rate limit
     * @description Requests per minute across all the user's keys, instead of their role's; `null` is unlimited. Applies from the next request.
     *
     *     Needs an admin key.
     */
    put: operations['setUserRateLimit'];
    post?: never;
    /**
     * Give a user their role's rate limit back
     * @description Needs an admin key.
     */
    delete: operations['clearUserRateLimit'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{user_id}/ledger': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a user's credits and charges
     * @description Needs an admin key.
     */
    get: operations['getLedger'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/prices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List every model's prices
     * @description Every price kind and the batch discount exactly as billing stores them, ordered by model id.
     *
     *     Needs an admin key.
     */
    get: operations['listPrices'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/prices/{model}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a model's prices
     * @description USD per million tokens, and per image, audio second or call for media endpoints. Every router uses the new price from the next request.
     *
     *     Needs an admin key.
     */
    put: operations['setPrice'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/rate-limits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the rate limit of each role
     * @description Needs an admin key.
     */
    get: operations['listRoleRateLimits'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/rate-limits/{role}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a role's rate limit
     * @description `null` is unlimited. Applies from the next request.
     *
     *     Needs an admin key.
     */
    put: operations['setRoleRateLimit'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List every user's usage records
     * @description Needs an admin key.
     */
    get: operations['listAllUsage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/usage/daily': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get every user's daily usage totals
     * @description Needs an admin key.
     */
    get: operations['getAllDailyUsage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/usage/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get every user's usage per hour or day, by user, model or channel
     * @description As `GET /v1/usage/summary`, across every user (or one, with `user_id`), and groupable by user and channel too.
     *
     *     Needs an admin key.
     */
    get: operations['getAllUsageSummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/usage/top-spenders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the users who spent most
     * @description Read from the usage roll-ups; the range is rounded out to whole UTC hours and spans at most 400 days.
     *
     *     Needs an admin key.
     */
    get: operations['listTopSpenders'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List admin actions
     * @description Each admin write (users, keys, credits, rate limits, prices, PLATFORM channels) and the keys users make or revoke themselves, newest first. Secrets are never stored.
     *
     *     Needs an admin key.
     */
    get: operations['listAuditLog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{user_id}/invite': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Invite a user to set a password
     * @description Sets the user's email and returns a one-time link to the console's "set your password" page (`SWITCHYARD_INVITE_TTL_HOURS`, default 72). The link is shown only here; a new link replaces the user's earlier ones.
     *
     *     Needs an admin key.
     */
    post: operations['inviteUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{user_id}/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Make a link to reset a user's password
     * @description A one-time link, as for an invite, for a user who has an email. Their current password works until the link is used.
     *
     *     Needs an admin key.
     */
    post: operations['resetUserPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/invites/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a one-time link
     * @description Who the link is for. An unknown, used or expired link is a 404 alike.
     *
     *     No key needed, no rate limit.
     */
    get: operations['getInvite'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/invites/{token}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a password with a one-time link, and sign in
     * @description Sets the password, uses the link up and opens a session as `POST /auth/sign-in` does (same answer and cookie). At least 12 characters, not all of one kind (lower case, upper case, digits, others), not containing the email's local part; else 400 `weak_password` saying which. A reset link also signs out the user's other sessions. A browser's `Origin`, when sent, must be this site.
     *
     *     No key needed, no rate limit.
     */
    post: operations['acceptInvite'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Change your password
     * @description The signed-in person's own password, given the current one (400 `invalid_value` naming `current_password` otherwise). At least 12 characters, not all of one kind (lower case, upper case, digits, others), not containing the email's local part; else 400 `weak_password` saying which. The user's other sessions end.
     *
     *     Needs a console session: the cookie `POST /auth/sign-in` sets.
     */
    put: operations['changePassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/oidc/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Sign in with the OpenID Connect provider
     * @description For a browser: a redirect to the provider (authorization code with PKCE, state and nonce, kept for ten minutes in an HttpOnly cookie), or to `/#/sign-in?error=oidc_unavailable` when the provider cannot be reached. 404 when single sign-on is not configured.
     *
     *     No key needed, no rate limit.
     */
    get: operations['startSingleSignOn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/oidc/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Come back from the OpenID Connect provider
     * @description Where the provider sends the browser. The user is found by the provider's subject, or made on their first sign-in (role `SWITCHYARD_OIDC_DEFAULT_ROLE`, no credit); a session opens and the browser goes to `/`. A failure goes to `/#/sign-in?error=<code>`: `oidc_expired` (no sign-in started in this browser, or it took more than ten minutes), `oidc_failed`, `account_disabled`.
     *
     *     No key needed, no rate limit.
     */
    get: operations['finishSingleSignOn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List PLATFORM channels
     * @description Needs an admin key.
     */
    get: operations['listPlatformChannels'];
    put?: never;
    /**
     * Create a PLATFORM channel
     * @description `base_url` defaults to the provider's official API, `name` to the provider and model; the key goes in and never comes back out.
     *
     *     Needs an admin key.
     */
    post: operations['createPlatformChannel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/channels/{channel_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a PLATFORM channel
     * @description Needs an admin key.
     */
    get: operations['getPlatformChannel'];
    put?: never;
    post?: never;
    /**
     * Delete a PLATFORM channel
     * @description Needs an admin key.
     */
    delete: operations['deletePlatformChannel'];
    options?: never;
    head?: never;
    /**
     * Change a PLATFORM channel
     * @description Only the fields sent change; `status` may be set to `enabled` or `disabled` (a passing test re-enables an `auto_disabled` channel).
     *
     *     Needs an admin key.
     */
    patch: operations['updatePlatformChannel'];
    trace?: never;
  };
  '/admin/channels/{channel_id}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Test a PLATFORM channel
     * @description Sends one small real request through the channel and reports latency and result.
     *
     *     Needs an admin key.
     */
    post: operations['testPlatformChannel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/channels/{channel_id}/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a PLATFORM channel's health per model
     * @description Each model's circuit (closed, open, half-open), its failures inside the window and its last error with the time, and why the router auto-disabled the channel. `PATCH` with `"status": "enabled"` (or a passing test) re-enables an auto-disabled channel and resets its circuits.
     *
     *     Needs an admin key.
     */
    get: operations['getPlatformChannelHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Check that every service answers
     * @description For the launcher, load balancers and orchestrators: no key, no rate limit. Each service reports its event-loop delay since the previous check.
     *
     *     No key needed, no rate limit.
     */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Check that this gateway takes new requests
     * @description For load balancers: no key, no rate limit, no other service asked. 503 from the moment this gateway starts shutting down (it still finishes the requests and streams it holds); send new requests elsewhere. `GET /health` is the deep check and stays as it is while the gateway drains.
     *
     *     No key needed, no rate limit.
     */
    get: operations['getReady'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Scrape this process's Prometheus metrics
     * @description For Prometheus: the text exposition format. No API key; when `SWITCHYARD_METRICS_TOKEN` is set, `Authorization: Bearer <token>`. In one-process mode it holds every service's metrics; in split mode the other services serve theirs on `SWITCHYARD_METRICS_PORT`. The families are listed in docs/operations.md.
     *
     *     No key needed, no rate limit.
     */
    get: operations['getMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download this document as JSON
     * @description OpenAPI 3.0.3, generated from the schemas the gateway validates requests with.
     *
     *     No key needed, no rate limit.
     */
    get: operations['getOpenApiJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.yaml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download this document as YAML
     * @description No key needed, no rate limit.
     */
    get: operations['getOpenApiYaml'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Open the interactive API reference
     * @description Swagger UI, served from this gateway (no other site is asked for anything), on this document: paste a key into Authorize, then "Try it out" sends real requests. The key lives as long as the page.
     *
     *     No key needed, no rate limit.
     */
    get: operations['getApiReference'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a file of the reference page
     * @description The page's own start-up script (`init.js`) and the renderer's script, styles and icons; any other name is a 404.
     *
     *     No key needed, no rate limit.
     */
    get: operations['getApiReferenceFile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Open the web console
     * @description The console's one page (its own paths are after `#`, e.g. `/#/keys`): sign in with an API key, email and password, or single sign-on; it then calls this API with the session cookie. 404 when the console was not built (`npm run build` builds it).
     *
     *     No key needed, no rate limit.
     */
    get: operations['getConsole'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assets/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a file of the web console
     * @description A script, style sheet or image of the console's current build, named by its content's hash (cached for good); any other name is a 404.
     *
     *     No key needed, no rate limit.
     */
    get: operations['getConsoleAsset'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description The password to set */
    AcceptInviteBody: {
      password: string;
    };
    /** @description The caller's account */
    Account: {
      /** @enum {string} */
      object: 'account';
      user: {
        id: string;
        name: string;
        email: string | null;
        /** @enum {string} */
        role: 'user' | 'partner' | 'vip' | 'admin';
      };
      /** @description USD */
      balance: number;
      /** @description USD owed */
      debt: number;
      /** @description Requests per minute in force; null = unlimited */
      rate_limit: number | null;
    };
    /** @description Credit to add (positive) or remove (negative), USD */
    AddCreditBody: {
      /** @description amount must be a USD amount with at most 9 decimal places */
      amount: number;
    };
    /** @description Anthropic's error envelope: `/v1/messages`, and `/v1/files` in Anthropic mode */
    AnthropicError: {
      /** @enum {string} */
      type: 'error';
      error: {
        /**
         * @description Anthropic's error type for the status
         * @enum {string}
         */
        type:
          | 'invalid_request_error'
          | 'authentication_error'
          | 'billing_error'
          | 'permission_error'
          | 'not_found_error'
          | 'request_too_large'
          | 'rate_limit_error'
          | 'api_error'
          | 'timeout_error'
          | 'overloaded_error';
        /** @description What went wrong, for a person to read */
        message: string;
      };
      /** @description The request id, as in `x-request-id` */
      request_id: string;
    };
    /** @description A file (Anthropic's Files API, beta `files-api-2025-04-14`) */
    AnthropicFile: {
      /** @description `file_…` */
      id: string;
      /** @enum {string} */
      type: 'file';
      filename: string;
      mime_type: string;
      size_bytes: number;
      /**
       * Format: date-time
       * @description ISO 8601
       */
      created_at: string;
      /** @description Always false: files a caller uploads are not downloadable in this mode */
      downloadable: boolean;
    };
    AnthropicFileDeleted: {
      id: string;
      /** @enum {string} */
      type: 'file_deleted';
    };
    /** @description A page of files, newest first (Anthropic's pagination: `after_id`/`before_id`, or `page`) */
    AnthropicFileList: {
      data: components['schemas']['AnthropicFile'][];
      first_id: string | null;
      last_id: string | null;
      has_more: boolean;
      /** @description Send back as `page` for the next page */
      next_page: string | null;
    };
    /** @description A Messages API answer (Anthropic's format) */
    AnthropicMessage: {
      id: string;
      /** @enum {string} */
      type: 'message';
      /** @enum {string} */
      role: 'assistant';
      model?: string;
      content: {
        [key: string]: unknown;
      }[];
      stop_reason?: string | null;
      stop_sequence?: string | null;
      usage?: {
        input_tokens?: number;
        output_tokens?: number;
        /** @description What this request cost the caller, USD (absent when prices are unavailable) */
        cost?: number;
        cost_details?: {
          /** @description BYOK: what the caller's own provider charges, USD */
          upstream_inference_cost?: number;
        };
      } & {
        [key: string]: unknown;
      };
      _routing: components['schemas']['Routing'];
    } & {
      [key: string]: unknown;
    };
    /** @description One event of a Messages stream (`event:` names its `type`) */
    AnthropicStreamEvent: {
      /** @description `message_start` (its `message` carries `_routing`), `content_block_start`, `content_block_delta`, `content_block_stop`, `message_delta`, `message_stop`, `ping` */
      type: string;
      message?: {
        id?: string;
        /** @enum {string} */
        type?: 'message';
        /** @enum {string} */
        role?: 'assistant';
        model?: string;
        content?: {
          [key: string]: unknown;
        }[];
        stop_reason?: string | null;
        stop_sequence?: string | null;
        usage?: {
          input_tokens?: number;
          output_tokens?: number;
          /** @description What this request cost the caller, USD (absent when prices are unavailable) */
          cost?: number;
          cost_details?: {
            /** @description BYOK: what the caller's own provider charges, USD */
            upstream_inference_cost?: number;
          };
        } & {
          [key: string]: unknown;
        };
        _routing?: components['schemas']['Routing'];
      } & {
        [key: string]: unknown;
      };
      index?: number;
      delta?: {
        [key: string]: unknown;
      };
      content_block?: {
        [key: string]: unknown;
      };
      usage?: {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description An API key; the secret is shown only once, when it is created */
    ApiKey: {
      id: string;
      /** @enum {string} */
      object: 'api_key';
      name: string;
      scopes: ('inference' | 'usage:read' | 'admin')[];
      /** @description The first characters, to recognise the key */
      prefix: string;
      /** @description Unix seconds */
      created_at: number;
      /** @description Unix seconds */
      revoked_at: number | null;
      /** @description When a request last came with it, to the minute */
      last_used_at: number | null;
    };
    ApiKeyList: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['ApiKey'][];
    };
    /** @description One admin action */
    AuditEntry: {
      id: string;
      /** @enum {string} */
      object: 'audit.entry';
      /** @description Unix seconds */
      created_at: number;
      /** @description Who did it: the user and the key they used */
      actor: {
        user_id: string;
        key_id: string;
      } | null;
      /** @description `<target>.<verb>`, e.g. `user.create`, `credits.add`, `price.set`, `key.revoke`, `channel.update` */
      action: string;
      /** @description What it acted on */
      target: {
        type: string;
        id: string | null;
      };
      /** @description The state before, secrets redacted; null for a creation */
      before: {
        [key: string]: unknown;
      } | null;
      /** @description The state after, secrets redacted; null for a deletion */
      after: {
        [key: string]: unknown;
      } | null;
      /** @description The address the request came from */
      caller_address: string | null;
      /** @description The gateway's id of the request */
      request_id: string | null;
    };
    /** @description Admin actions, newest first */
    AuditLog: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['AuditEntry'][];
      has_more: boolean;
    };
    /** @description A batch (OpenAI Batch API) */
    Batch: {
      id: string;
      /** @enum {string} */
      object: 'batch';
      endpoint: string;
      model: string | null;
      errors: {
        /** @enum {string} */
        object: 'list';
        data: components['schemas']['BatchError'][];
      } | null;
      input_file_id: string;
      completion_window: string;
      /** @enum {string} */
      status: 'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled';
      output_file_id: string | null;
      error_file_id: string | null;
      /** @description Unix seconds */
      created_at: number;
      /** @description Unix seconds */
      in_progress_at: number | null;
      /** @description Unix seconds */
      expires_at: number | null;
      /** @description Unix seconds */
      finalizing_at: number | null;
      /** @description Unix seconds */
      completed_at: number | null;
      /** @description Unix seconds */
      failed_at: number | null;
      /** @description Unix seconds */
      expired_at: number | null;
      /** @description Unix seconds */
      cancelling_at: number | null;
      /** @description Unix seconds */
      cancelled_at: number | null;
      request_counts: {
        total: number;
        completed: number;
        failed: number;
      };
      metadata: {
        [key: string]: string;
      } | null;
    };
    /** @description Why a batch input was refused */
    BatchError: {
      code: string;
      message: string;
      param: string | null;
      /** @description 1-based line of the input file */
      line: number | null;
    };
    /** @description A page of batches, newest first */
    BatchList: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['Batch'][];
      first_id: string | null;
      last_id: string | null;
      has_more: boolean;
    };
    /** @description The current password, and the new one */
    ChangePasswordBody: {
      current_password: string;
      new_password: string;
    };
    /** @description An upstream channel; its key is never shown */
    Channel: {
      id: string;
      /** @enum {string} */
      object: 'channel';
      name: string;
      /** @description `openai`, `openai-compatible`, `azure-openai`, `anthropic`, `gemini` */
      provider: string;
      /** @enum {string} */
      type: 'PLATFORM' | 'PRIVATE';
      base_url: string;
      /** @description The key masked, e.g. `sk-...abcd` */
      api_key_hint: string;
      models: string[];
      /** @description Model asked for → model sent upstream */
      model_mapping: {
        [key: string]: string;
      };
      priority: number;
      weight: number;
      endpoints: (
        | '/v1/chat/completions'
        | '/v1/embeddings'
        | '/v1/completions'
        | '/v1/responses'
        | '/v1/messages'
        | '/v1beta/models:generateContent'
        | '/v1/images/generations'
        | '/v1/images/edits'
        | '/v1/rerank'
        | '/v1/audio/speech'
        | '/v1/audio/transcriptions'
        | '/v1/videos/generations'
        | '/v1/music/generations'
        | '/v1/3d/generations'
      )[];
      /** @enum {string} */
      status: 'enabled' | 'disabled' | 'auto_disabled';
      /** @description Why the router disabled it, when it did */
      status_reason: string | null;
      /** @description The owner of a PRIVATE channel; null for PLATFORM */
      owner_user_id: string | null;
      max_concurrency: number | null;
      rpm_limit: number | null;
      cache_ttl_seconds: number | null;
      /** @description This router replica's view of the shared health state */
      health: {
        /** @enum {string} */
        circuit: 'closed' | 'open' | 'half_open';
        recent_failures: number;
      };
      /** @description Unix seconds */
      created_at: number;
      /** @description Unix seconds */
      updated_at: number;
    };
    /** @description A channel's live health, as every router replica holds it */
    ChannelHealth: {
      /** @enum {string} */
      object: 'channel.health';
      channel_id: string;
      /** @enum {string} */
      status: 'enabled' | 'disabled' | 'auto_disabled';
      /** @description Why the router disabled it (the upstream refused its key); null unless `status` is `auto_disabled` */
      auto_disabled_reason: string | null;
      /** @description The channel's models, then any other the router saw fail on it */
      models: components['schemas']['ChannelModelHealth'][];
    };
    ChannelList: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['Channel'][];
    };
    /** @description One model's circuit on a channel */
    ChannelModelHealth: {
      /** @description A model of the channel, or `(files)` for its Files API uploads */
      model: string;
      /**
       * @description `open`: refused until the cooldown ends; `half_open`: one probe at a time
       * @enum {string}
       */
      circuit: 'closed' | 'open' | 'half_open';
      /** @description Failures inside the circuit window */
      recent_failures: number;
      /** @description The last failure: the upstream status (or how the call failed) and its message */
      last_error: string | null;
      /** @description Unix seconds */
      last_error_at: number | null;
    };
    /** @description The result of one small real request through the channel */
    ChannelTest: {
      /** @enum {string} */
      object: 'channel.test';
      channel_id: string;
      model: string;
      /** @enum {string} */
      endpoint:
        | '/v1/chat/completions'
        | '/v1/embeddings'
        | '/v1/completions'
        | '/v1/responses'
        | '/v1/messages'
        | '/v1beta/models:generateContent'
        | '/v1/images/generations'
        | '/v1/images/edits'
        | '/v1/rerank'
        | '/v1/audio/speech'
        | '/v1/audio/transcriptions'
        | '/v1/videos/generations'
        | '/v1/music/generations'
        | '/v1/3d/generations';
      ok: boolean;
      /** @description The upstream status; null when no answer came */
      status: number | null;
      latency_ms: number;
      error: {
        code: string;
        message: string;
      } | null;
      /**
       * @description After the test: a passing test re-enables an auto-disabled channel
       * @enum {string}
       */
      channel_status: 'enabled' | 'disabled' | 'auto_disabled';
    };
    /** @description A chat completion (OpenAI format) */
    ChatCompletion: {
      id: string;
      /** @enum {string} */
      object: 'chat.completion';
      /** @description Unix seconds */
      created: number;
      model: string;
      choices: ({
        index: number;
        message: {
          role: string;
          content?: string | null;
          tool_calls?: {
            [key: string]: unknown;
          }[];
          refusal?: string | null;
        } & {
          [key: string]: unknown;
        };
        /** @description `stop`, `length`, `tool_calls`, `content_filter`, … */
        finish_reason?: string | null;
        logprobs?: {
          [key: string]: unknown;
        } | null;
      } & {
        [key: string]: unknown;
      })[];
      /** @description Token counts, with the cost the gateway adds */
      usage?: {
        prompt_tokens?: number;
        completion_tokens?: number;
        total_tokens?: number;
        prompt_tokens_details?: {
          [key: string]: unknown;
        };
        completion_tokens_details?: {
          [key: string]: unknown;
        };
        /** @description What this request cost the caller, USD (absent when prices are unavailable) */
        cost?: number;
        cost_details?: {
          /** @description BYOK: what the caller's own provider charges, USD */
          upstream_inference_cost?: number;
        };
      };
      system_fingerprint?: string | null;
      _routing: components['schemas']['Routing'];
    } & {
      [key: string]: unknown;
    };
    /** @description A chat completion request (OpenAI format). Only the fields shown are checked; every other field goes to the upstream unchanged. */
    ChatCompletionBody: {
      model: string;
      messages: Record<string, unknown>[];
      stream?: boolean | null;
      stream_options?: Record<string, unknown> | null;
    } & {
      [key: string]: unknown;
    };
    /** @description One `data:` event of a chat completion stream; the last chunk before `[DONE]` carries `_routing` */
    ChatCompletionChunk: {
      id?: string;
      /** @enum {string} */
      object: 'chat.completion.chunk';
      /** @description Unix seconds */
      created?: number;
      model?: string;
      choices: ({
        index: number;
        delta?: {
          [key: string]: unknown;
        };
        finish_reason?: string | null;
        logprobs?: {
          [key: string]: unknown;
        } | null;
      } & {
        [key: string]: unknown;
      })[];
      /** @description Token counts, with the cost the gateway adds */
      usage?: {
        prompt_tokens?: number;
        completion_tokens?: number;
        total_tokens?: number;
        prompt_tokens_details?: {
          [key: string]: unknown;
        };
        completion_tokens_details?: {
          [key: string]: unknown;
        };
        /** @description What this request cost the caller, USD (absent when prices are unavailable) */
        cost?: number;
        cost_details?: {
          /** @description BYOK: what the caller's own provider charges, USD */
          upstream_inference_cost?: number;
        };
      } | null;
      _routing?: components['schemas']['Routing'];
    } & {
      [key: string]: unknown;
    };
    /** @description A text completion (legacy OpenAI format) */
    Completion: {
      id?: string;
      /** @enum {string} */
      object: 'text_completion';
      /** @description Unix seconds */
      created?: number;
      model?: string;
      choices: ({
        index: number;
        text: string;
        finish_reason?: string | null;
        logprobs?: {
          [key: string]: unknown;
        } | null;
      } & {
        [key: string]: unknown;
      })[];
      /** @description Token counts, with the cost the gateway adds */
      usage?: {
        prompt_tokens?: number;
        completion_tokens?: number;
        total_tokens?: number;
        prompt_tokens_details?: {
          [key: string]: unknown;
        };
        completion_tokens_details?: {
          [key: string]: unknown;
        };
        /** @description What this request cost the caller, USD (absent when prices are unavailable) */
        cost?: number;
        cost_details?: {
          /** @description BYOK: what the caller's own provider charges, USD */
          upstream_inference_cost?: number;
        };
      } | null;
      _routing: components['schemas']['Routing'];
    } & {
      [key: string]: unknown;
    };
    /** @description One `data:` event of a text completion stream */
    CompletionChunk: {
      id?: string;
      /** @enum {string} */
      object: 'text_completion';
      /** @description Unix seconds */
      created?: number;
      model?: string;
      choices: ({
        index: number;
        text: string;
        finish_reason?: string | null;
        logprobs?: {
          [key: string]: unknown;
        } | null;
      } & {
        [key: string]: unknown;
      })[];
      /** @description Token counts, with the cost the gateway adds */
      usage?: {
        prompt_tokens?: number;
        completion_tokens?: number;
        total_tokens?: number;
        prompt_tokens_details?: {
          [key: string]: unknown;
        };
        completion_tokens_details?: {
          [key: string]: unknown;
        };
        /** @description What this request cost the caller, USD (absent when prices are unavailable) */
        cost?: number;
        cost_details?: {
          /** @description BYOK: what the caller's own provider charges, USD */
          upstream_inference_cost?: number;
        };
      } | null;
      _routing?: components['schemas']['Routing'];
    } & {
      [key: string]: unknown;
    };
    /** @description A text completion request (legacy OpenAI format). Only the fields shown are checked; every other field goes to the upstream unchanged. */
    CompletionsBody: {
      model: string;
      /** @description prompt must be a string or an array of strings or token arrays */
      prompt: string | (string | number | number[])[];
      stream?: boolean | null;
      stream_options?: Record<string, unknown> | null;
    } & {
      [key: string]: unknown;
    };
    /** @description A Messages request to count (no `max_tokens`). Only the fields shown are checked; every other field goes to the upstream unchanged. */
    CountTokensBody: {
      model: string;
      messages: Record<string, unknown>[];
    } & {
      [key: string]: unknown;
    };
    /** @description Input tokens of a Messages request */
    CountTokensReply: {
      input_tokens: number;
    };
    /** @description A batch of the requests in an uploaded file (purpose `batch`) */
    CreateBatchBody: {
      input_file_id: string;
      /** @enum {string} */
      endpoint: '/v1/chat/completions' | '/v1/embeddings' | '/v1/completions' | '/v1/responses';
      /** @enum {string} */
      completion_window: '24h';
      /** @description metadata must be an object of at most 16 string values, keys up to 64 and values up to 512 characters */
      metadata?: {
        [key: string]: string;
      } | null;
    };
    /** @description A new channel */
    CreateChannelBody: {
      name?: string | null;
      provider: string;
      /**
       * Format: uri
       * @description base_url must be an http or https URL
       */
      base_url?: string | null;
      api_key: string;
      models: string[];
      model_mapping?: Record<string, unknown> | null;
      priority?: number | null;
      weight?: number | null;
      endpoints?:
        | (
            | '/v1/chat/completions'
            | '/v1/embeddings'
            | '/v1/completions'
            | '/v1/responses'
            | '/v1/messages'
            | '/v1beta/models:generateContent'
            | '/v1/images/generations'
            | '/v1/images/edits'
            | '/v1/rerank'
            | '/v1/audio/speech'
            | '/v1/audio/transcriptions'
            | '/v1/videos/generations'
            | '/v1/music/generations'
            | '/v1/3d/generations'
          )[]
        | null;
      /** @enum {string|null} */
      status?: 'enabled' | 'disabled' | null;
      max_concurrency?: number | null;
      rpm_limit?: number | null;
      cache_ttl_seconds?: number | null;
    };
    /** @description A new API key, with its secret (shown this once) */
    CreatedApiKey: {
      id: string;
      /** @enum {string} */
      object: 'api_key';
      name: string;
      scopes: ('inference' | 'usage:read' | 'admin')[];
      prefix: string;
      /** @description Unix seconds */
      created_at: number;
      /** @description Unix seconds */
      revoked_at: number | null;
      /** @description Unix seconds */
      last_used_at: number | null;
      /** @description The secret: send it as `Authorization: Bearer <key>` */
      key: string;
    };
    /** @description A new API key */
    CreateKeyBody: {
      name?: string | null;
      scopes?: ('inference' | 'usage:read' | 'admin')[] | null;
    };
    /** @description A new user, with their role and starting credit (USD) */
    CreateUserBody: {
      name: string;
      /** @enum {string|null} */
      role?: 'user' | 'partner' | 'vip' | 'admin' | null;
      /** @description credits must be a USD amount with at most 9 decimal places */
      credits?: number | null;
    };
    /** @description Deleted */
    Deleted: {
      id: string;
      /** @description e.g. `channel.deleted` */
      object: string;
      /** @enum {boolean} */
      deleted: true;
    };
    /** @description Embeddings (OpenAI format) */
    EmbeddingList: {
      /** @enum {string} */
      object: 'list';
      data: ({
        /** @enum {string} */
        object?: 'embedding';
        index: number;
        embedding: number[] | string;
      } & {
        [key: string]: unknown;
      })[];
      model?: string;
      usage?: {
        prompt_tokens?: number;
        total_tokens?: number;
        /** @description What this request cost the caller, USD (absent when prices are unavailable) */
        cost?: number;
        cost_details?: {
          /** @description BYOK: what the caller's own provider charges, USD */
          upstream_inference_cost?: number;
        };
      } & {
        [key: string]: unknown;
      };
      _routing: components['schemas']['Routing'];
    } & {
      [key: string]: unknown;
    };
    /** @description An embeddings request (OpenAI format). Only the fields shown are checked; every other field goes to the upstream unchanged. */
    EmbeddingsBody: {
      model: string;
      /** @description input must be a non-empty string, an array of strings, or an array of token arrays */
      input: string | (string | number | number[])[];
      /** @enum {string|null} */
      encoding_format?: 'float' | 'base64' | null;
    } & {
      [key: string]: unknown;
    };
    /** @description A file (OpenAI Files API) */
    File: {
      /** @description `file-…` */
      id: string;
      /** @enum {string} */
      object: 'file';
      bytes: number;
      /** @description Unix seconds */
      created_at: number;
      /** @description Unix seconds */
      expires_at: number | null;
      filename: string;
      /** @enum {string} */
      purpose: 'batch' | 'user_data' | 'vision' | 'batch_output' | 'generation_output';
      /** @enum {string} */
      status: 'processed';
      /** @description Always null */
      status_details: string | null;
    };
    FileDeleted: {
      id: string;
      /** @enum {string} */
      object: 'file';
      /** @enum {boolean} */
      deleted: true;
    };
    /** @description A page of files, newest first unless `order=asc` */
    FileList: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['File'][];
      first_id: string | null;
      last_id: string | null;
      has_more: boolean;
    };
    /** @description Google's error envelope: the Gemini routes under `/v1beta` */
    GeminiError: {
      error: {
        /** @description The HTTP status */
        code: number;
        /** @description What went wrong, for a person to read */
        message: string;
        /**
         * @description Google's status name for the HTTP status
         * @enum {string}
         */
        status:
          | 'INVALID_ARGUMENT'
          | 'UNAUTHENTICATED'
          | 'FAILED_PRECONDITION'
          | 'PERMISSION_DENIED'
          | 'NOT_FOUND'
          | 'ABORTED'
          | 'RESOURCE_EXHAUSTED'
          | 'INTERNAL'
          | 'UNAVAILABLE'
          | 'DEADLINE_EXCEEDED';
      };
    };
    /** @description A generateContent request (Google's format); the model is in the path. Only the fields shown are checked; every other field goes to the upstream unchanged. */
    GenerateContentBody: {
      contents: Record<string, unknown>[];
    } & {
      [key: string]: unknown;
    };
    /** @description One `data:` event of streamGenerateContent; the first carries `_routing` */
    GenerateContentChunk: {
      candidates?: {
        [key: string]: unknown;
      }[];
      usageMetadata?: {
        promptTokenCount?: number;
        candidatesTokenCount?: number;
        totalTokenCount?: number;
        /** @description What this request cost the caller, USD (absent when prices are unavailable) */
        cost?: number;
        cost_details?: {
          /** @description BYOK: what the caller's own provider charges, USD */
          upstream_inference_cost?: number;
        };
      } & {
        [key: string]: unknown;
      };
      modelVersion?: string;
      promptFeedback?: {
        [key: string]: unknown;
      };
      _routing?: components['schemas']['Routing'];
    } & {
      [key: string]: unknown;
    };
    /** @description A generateContent answer (Google's format) */
    GenerateContentResponse: {
      candidates?: {
        [key: string]: unknown;
      }[];
      usageMetadata?: {
        promptTokenCount?: number;
        candidatesTokenCount?: number;
        totalTokenCount?: number;
        /** @description What this request cost the caller, USD (absent when prices are unavailable) */
        cost?: number;
        cost_details?: {
          /** @description BYOK: what the caller's own provider charges, USD */
          upstream_inference_cost?: number;
        };
      } & {
        [key: string]: unknown;
      };
      modelVersion?: string;
      promptFeedback?: {
        [key: string]: unknown;
      };
      _routing: components['schemas']['Routing'];
    } & {
      [key: string]: unknown;
    };
    /** @description A generation task request. Only the fields shown are checked; every other field goes to the upstream unchanged. */
    GenerationBody: {
      model: string;
      prompt: string;
    } & {
      [key: string]: unknown;
    };
    /** @description An asynchronous generation (video, music, 3D) */
    GenerationTask: {
      id: string;
      /** @enum {string} */
      object: 'video.generation' | 'music.generation' | '3d.generation';
      /** @enum {string} */
      status: 'queued' | 'in_progress' | 'succeeded' | 'failed';
      model: string;
      /** @description Unix seconds */
      created_at: number;
      /** @description Unix seconds */
      completed_at: number | null;
      /** @description 0 to 100, when the upstream reports it */
      progress: number | null;
      result: {
        files: components['schemas']['TaskResultFile'][];
      } | null;
      error: {
        code: string;
        message: string;
      } | null;
      _routing: components['schemas']['Routing'] | (never | null);
    };
    /** @description Whether every service answers over NATS */
    Health: {
      /** @enum {string} */
      status: 'ok' | 'unavailable';
      /** @description The services that did not answer */
      down: string[];
      /** @description gateway, router, billing, files, batches */
      services: {
        [key: string]: components['schemas']['ServiceHealth'];
      };
    };
    /** @description An image edit in its JSON form. Only the fields shown are checked; every other field goes to the upstream unchanged. */
    ImageEditBody: {
      model?: string | null;
      prompt: string;
      images: components['schemas']['ImageReference'][];
      mask?: components['schemas']['ImageReference'] | (never | null);
      n?: number | null;
    } & {
      [key: string]: unknown;
    };
    /** @description An image generation request. Only the fields shown are checked; every other field goes to the upstream unchanged. */
    ImageGenerationBody: {
      model?: string | null;
      prompt: string;
      n?: number | null;
    } & {
      [key: string]: unknown;
    };
    /** @description An input image: one of your file ids (an image file uploaded here) or a URL (a data URL too) */
    ImageReference:
      | {
          file_id?: string;
          image_url?: string;
        }
      | unknown
      | unknown;
    /** @description Generated or edited images */
    ImagesResponse: {
      /** @description Unix seconds */
      created?: number;
      data: ({
        b64_json?: string;
        url?: string;
        revised_prompt?: string;
      } & {
        [key: string]: unknown;
      })[];
      usage?: {
        /** @description What this request cost the caller, USD (absent when prices are unavailable) */
        cost?: number;
        cost_details?: {
          /** @description BYOK: what the caller's own provider charges, USD */
          upstream_inference_cost?: number;
        };
      } & {
        [key: string]: unknown;
      };
      _routing: components['schemas']['Routing'];
    } & {
      [key: string]: unknown;
    };
    /** @description A one-time link to set a password, to hand to the user */
    Invite: {
      /** @enum {string} */
      object: 'invite';
      /** @description The console's page for the link, relative to the gateway: `/#/invite/<token>` */
      url: string;
      /** @description When the link stops working */
      expires_at: number;
    };
    /** @description The email to invite the user with (it becomes their email) */
    InviteBody: {
      email: string;
    };
    /** @description Who a one-time link is for */
    InviteDetails: {
      /** @enum {string} */
      object: 'invite';
      email: string;
      name: string;
      /**
       * @description `invite`: a first password; `reset`: a new one
       * @enum {string}
       */
      kind: 'invite' | 'reset';
      /** @description Unix seconds */
      expires_at: number;
    };
    /** @description A user's credits and charges, newest first */
    Ledger: {
      /** @enum {string} */
      object: 'list';
      /** @description USD */
      balance: number;
      data: components['schemas']['LedgerEntry'][];
      has_more: boolean;
    };
    /** @description One credit or charge */
    LedgerEntry: {
      id: string;
      /** @enum {string} */
      object: 'ledger.entry';
      /** @description USD; credits positive, usage negative */
      amount: number;
      /** @enum {string} */
      kind: 'credit' | 'usage' | 'refund';
      /** @description The request id for usage */
      reference: string;
      /** @description Unix seconds */
      created_at: number;
    };
    /** @description A Messages API request (Anthropic's format). Only the fields shown are checked; every other field goes to the upstream unchanged. */
    MessagesBody: {
      model: string;
      messages: Record<string, unknown>[];
      max_tokens: number;
      stream?: boolean | null;
    } & {
      [key: string]: unknown;
    };
    /** @description A model the caller can reach */
    Model: {
      /** @description May contain `/` (`vendor/model`) */
      id: string;
      /** @enum {string} */
      object: 'model';
      created: number;
      /** @description The provider of the first channel that serves it */
      owned_by: string;
      /** @enum {string} */
      type: 'chat' | 'embedding' | 'image' | 'rerank';
      /** @description Every route that reaches it, natively or translated */
      endpoints: (
        | '/v1/chat/completions'
        | '/v1/embeddings'
        | '/v1/completions'
        | '/v1/responses'
        | '/v1/messages'
        | '/v1beta/models:generateContent'
        | '/v1/images/generations'
        | '/v1/images/edits'
        | '/v1/rerank'
        | '/v1/audio/speech'
        | '/v1/audio/transcriptions'
        | '/v1/videos/generations'
        | '/v1/music/generations'
        | '/v1/3d/generations'
      )[];
      /** @description Where known */
      context_window: number | null;
      pricing: components['schemas']['ModelPricing'] | (never | null);
    };
    ModelList: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['Model'][];
    };
    /** @description The model's price for the caller, USD; null: no price set */
    ModelPricing: {
      input_per_million: number;
      output_per_million: number;
      cached_input_per_million: number | null;
      per_image: number | null;
      per_audio_second: number | null;
      per_call: number | null;
    };
    /** @description OpenAI's error envelope: every route except Anthropic's and Gemini's */
    OpenAIError: {
      error: {
        /** @description What went wrong, for a person to read */
        message: string;
        /**
         * @description The OpenAI error type of the code
         * @enum {string}
         */
        type: 'invalid_request_error' | 'permission_error' | 'insufficient_quota' | 'requests' | 'upstream_error' | 'server_error';
        /** @description The request field (or header, or query parameter) at fault */
        param: string | null;
        /**
         * @description The product error code: OpenAI-style codes and the product codes (`AUTH_1015`, `VALIDATION_4016`, …)
         * @enum {string}
         */
        code:
          | 'invalid_api_key'
          | 'invalid_credentials'
          | 'AUTH_1015'
          | 'permission_denied'
          | 'invalid_json'
          | 'invalid_value'
          | 'missing_required_parameter'
          | 'not_found'
          | 'model_not_found'
          | 'request_too_large'
          | 'conflict'
          | 'insufficient_quota'
          | 'rate_limit_exceeded'
          | 'upstream_error'
          | 'upstream_timeout'
          | 'service_unavailable'
          | 'channels_unavailable'
          | 'internal_error'
          | 'weak_password'
          | 'VALIDATION_4016'
          | 'VALIDATION_4007'
          | 'INFERENCE_3302'
          | 'INFERENCE_3303';
      };
      /** @description On upstream failures: the channels tried */
      _routing?: components['schemas']['Routing'];
    };
    /** @description A model's prices, USD */
    Price: {
      model: string;
      /** @enum {string} */
      object: 'price';
      input_per_million: number;
      output_per_million: number;
      cached_input_per_million: number | null;
      cache_write_input_per_million: number | null;
      /** @description 0 to 1 */
      batch_discount: number;
      per_image: number | null;
      per_audio_second: number | null;
      per_call: number | null;
      /** @description Unix seconds */
      updated_at: number;
    };
    /** @description Every model's prices, by model id */
    PriceBook: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['Price'][];
      has_more: boolean;
    };
    /** @description A rerank request (Cohere/Jina shape). Only the fields shown are checked; every other field goes to the upstream unchanged. */
    RerankBody: {
      model: string;
      query: string;
      /** @description documents must be a non-empty array of strings or {text} objects */
      documents: (
        | string
        | {
            text: string;
          }
      )[];
      top_n?: number | null;
      return_documents?: boolean | null;
    } & {
      [key: string]: unknown;
    };
    /** @description Documents by relevance (Cohere/Jina shape) */
    RerankResponse: {
      id?: string;
      model?: string;
      results: ({
        index: number;
        relevance_score: number;
        /** @description With `return_documents: true` */
        document?: unknown;
      } & {
        [key: string]: unknown;
      })[];
      usage?: {
        total_tokens?: number;
        /** @description What this request cost the caller, USD (absent when prices are unavailable) */
        cost?: number;
        cost_details?: {
          /** @description BYOK: what the caller's own provider charges, USD */
          upstream_inference_cost?: number;
        };
      } & {
        [key: string]: unknown;
      };
      _routing: components['schemas']['Routing'];
    } & {
      [key: string]: unknown;
    };
    /** @description A Responses API answer */
    Response: {
      id: string;
      /** @enum {string} */
      object: 'response';
      /** @description Unix seconds */
      created_at?: number;
      /** @description `completed`, `in_progress`, `incomplete`, `failed`, … */
      status: string;
      model?: string;
      output: {
        [key: string]: unknown;
      }[];
      usage?:
        | ({
            input_tokens?: number;
            output_tokens?: number;
            total_tokens?: number;
            /** @description What this request cost the caller, USD (absent when prices are unavailable) */
            cost?: number;
            cost_details?: {
              /** @description BYOK: what the caller's own provider charges, USD */
              upstream_inference_cost?: number;
            };
          } & {
            [key: string]: unknown;
          })
        | null;
      error?: {
        [key: string]: unknown;
      } | null;
      _routing: components['schemas']['Routing'];
    } & {
      [key: string]: unknown;
    };
    ResponseDeleted: {
      id: string;
      /** @enum {string} */
      object?: 'response';
      /** @enum {boolean} */
      deleted: true;
    } & {
      [key: string]: unknown;
    };
    ResponseInputItemList: {
      /** @enum {string} */
      object: 'list';
      data: {
        [key: string]: unknown;
      }[];
      first_id?: string | null;
      last_id?: string | null;
      has_more?: boolean;
    } & {
      [key: string]: unknown;
    };
    /** @description A Responses API request. Only the fields shown are checked; every other field goes to the upstream unchanged. */
    ResponsesBody: {
      model: string;
      input: string | unknown[];
      stream?: boolean | null;
    } & {
      [key: string]: unknown;
    };
    /** @description The event that ends a Responses stream that failed after it started */
    ResponsesErrorEvent: {
      /** @enum {string} */
      type: 'error';
      /** @enum {string} */
      code:
        | 'invalid_api_key'
        | 'invalid_credentials'
        | 'AUTH_1015'
        | 'permission_denied'
        | 'invalid_json'
        | 'invalid_value'
        | 'missing_required_parameter'
        | 'not_found'
        | 'model_not_found'
        | 'request_too_large'
        | 'conflict'
        | 'insufficient_quota'
        | 'rate_limit_exceeded'
        | 'upstream_error'
        | 'upstream_timeout'
        | 'service_unavailable'
        | 'channels_unavailable'
        | 'internal_error'
        | 'weak_password'
        | 'VALIDATION_4016'
        | 'VALIDATION_4007'
        | 'INFERENCE_3302'
        | 'INFERENCE_3303';
      message: string;
      param: string | null;
    };
    /** @description One event of a Responses stream (`event:` names its `type`) */
    ResponseStreamEvent: {
      /** @description `response.created` (its `response` carries `_routing`), `response.output_text.delta`, `response.completed`, … */
      type: string;
      sequence_number?: number;
      response?: {
        id?: string;
        /** @enum {string} */
        object?: 'response';
        /** @description Unix seconds */
        created_at?: number;
        /** @description `completed`, `in_progress`, `incomplete`, `failed`, … */
        status?: string;
        model?: string;
        output?: {
          [key: string]: unknown;
        }[];
        usage?:
          | ({
              input_tokens?: number;
              output_tokens?: number;
              total_tokens?: number;
              /** @description What this request cost the caller, USD (absent when prices are unavailable) */
              cost?: number;
              cost_details?: {
                /** @description BYOK: what the caller's own provider charges, USD */
                upstream_inference_cost?: number;
              };
            } & {
              [key: string]: unknown;
            })
          | null;
        error?: {
          [key: string]: unknown;
        } | null;
        _routing?: components['schemas']['Routing'];
      } & {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    /** @description A role's requests per minute */
    RoleRateLimit: {
      /** @enum {string} */
      object: 'rate_limit';
      /** @enum {string} */
      role: 'user' | 'partner' | 'vip' | 'admin';
      /** @description null = unlimited */
      requests_per_minute: number | null;
    };
    RoleRateLimitList: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['RoleRateLimit'][];
    };
    /** @description Which channel served the request, whether it came from the response cache, and every attempt. Also sent as the `x-switchyard-*` headers. */
    Routing: {
      /** @description The channel that answered */
      channel: {
        id: string;
        /** @description Redacted for PLATFORM channels unless the caller is an admin */
        name: string;
        /** @description e.g. `openai`, `anthropic`, `gemini` */
        provider: string;
        /** @enum {string} */
        channelType: 'PLATFORM' | 'PRIVATE';
      };
      /** @description Answered from the response cache: no upstream call was made */
      cached: boolean;
      /** @description Attempts − 1 */
      retryCount: number;
      /** @description Every channel tried, in order */
      attempts: components['schemas']['RoutingAttempt'][];
    };
    /** @description One try of one channel */
    RoutingAttempt: {
      channel_id: string;
      /** @description Redacted for PLATFORM channels unless the caller is an admin */
      channel_name: string;
      /** @enum {string} */
      channel_type: 'PLATFORM' | 'PRIVATE';
      /** @description The upstream's HTTP status; null when no answer came (connection error, timeout, open circuit) */
      status: number | null;
      latency_ms: number;
      /** @description null on success */
      error_code: string | null;
    };
    /** @description The caller's choice between their own PRIVATE channels and the PLATFORM pool */
    RoutingPolicy: {
      /** @enum {string} */
      object: 'routing_policy';
      /** @enum {string} */
      policy: 'byok_first' | 'platform_first' | 'byok_only' | 'platform_only';
    };
    ServiceHealth: {
      /** @enum {string} */
      status: 'ok' | 'down';
      /** @description Tells replicas apart */
      instance?: string;
      checks?: {
        [key: string]: 'ok';
      };
      /** @description Since the previous health check (null on the first) */
      event_loop_delay_ms?: {
        p50_ms: number;
        p99_ms: number;
        max_ms: number;
      } | null;
      /** @description Why it is down */
      error?: string;
    };
    /** @description A console session: who is signed in, with which scopes, until when */
    Session: {
      /** @enum {string} */
      object: 'session';
      user: {
        id: string;
        name: string;
        /** @description Null for users without a local account */
        email: string | null;
        /** @enum {string} */
        role: 'user' | 'partner' | 'vip' | 'admin';
      };
      /** @description The signing-in key's scopes, or the role's (password, SSO) */
      scopes: ('inference' | 'usage:read' | 'admin')[];
      /** @enum {string} */
      method: 'api_key' | 'password' | 'oidc';
      /** @description The earlier of the idle and the absolute expiry (unix seconds) */
      expires_at: number;
    };
    /** @description The caller's live sessions, most recently used first */
    SessionList: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['SessionSummary'][];
    };
    /** @description One of the caller's live sessions */
    SessionSummary: {
      /** @description `ses_…` */
      id: string;
      /** @enum {string} */
      object: 'session.summary';
      /** @enum {string} */
      method: 'api_key' | 'password' | 'oidc';
      /** @description Unix seconds */
      created_at: number;
      /** @description Written at most once a minute */
      last_seen_at: number;
      /** @description The earlier of the idle and the absolute expiry */
      expires_at: number;
      ip: string | null;
      user_agent: string | null;
      /** @description The session of this request */
      current: boolean;
    };
    /** @description A model's prices, USD */
    SetPriceBody: {
      /** @description input_per_million must be a USD amount with at most 9 decimal places */
      input_per_million: number;
      /** @description output_per_million must be a USD amount with at most 9 decimal places */
      output_per_million: number;
      /** @description cached_input_per_million must be a USD amount with at most 9 decimal places */
      cached_input_per_million?: number | null;
      /** @description cache_write_input_per_million must be a USD amount with at most 9 decimal places */
      cache_write_input_per_million?: number | null;
      /** @description batch_discount must be a number with at most 6 decimal places */
      batch_discount?: number | null;
      /** @description per_image must be a USD amount with at most 9 decimal places */
      per_image?: number | null;
      /** @description per_audio_second must be a USD amount with at most 9 decimal places */
      per_audio_second?: number | null;
      /** @description per_call must be a USD amount with at most 9 decimal places */
      per_call?: number | null;
    };
    /** @description Requests per minute; `null` is unlimited */
    SetRateLimitBody: {
      requests_per_minute: number | null;
    };
    /** @description A routing policy */
    SetRoutingPolicyBody: {
      /** @enum {string} */
      policy: 'byok_first' | 'platform_first' | 'byok_only' | 'platform_only';
    };
    /** @description `api_key`, or `email` and `password` */
    SignInBody: {
      api_key?: string | null;
      email?: string | null;
      password?: string | null;
    };
    /** @description The ways to sign in to the console */
    SignInMethods: {
      /** @description Email and password (local accounts) */
      password: boolean;
      oidc: {
        /** @description An OpenID Connect issuer is configured */
        enabled: boolean;
        /** @description Where single sign-on starts */
        start_url: string;
      };
    };
    /** @description A text-to-speech request. Only the fields shown are checked; every other field goes to the upstream unchanged. */
    SpeechBody: {
      model: string;
      input: string;
      voice: string;
      /** @enum {string|null} */
      response_format?: 'mp3' | 'opus' | 'aac' | 'flac' | 'wav' | 'pcm' | null;
    } & {
      [key: string]: unknown;
    };
    /** @description A Responses API answer the channel that made it stored (`store: true`) */
    StoredResponse: {
      id: string;
      /** @enum {string} */
      object: 'response';
      /** @description Unix seconds */
      created_at?: number;
      /** @description `completed`, `in_progress`, `incomplete`, `failed`, … */
      status: string;
      model?: string;
      output: {
        [key: string]: unknown;
      }[];
      usage?:
        | ({
            input_tokens?: number;
            output_tokens?: number;
            total_tokens?: number;
            /** @description What this request cost the caller, USD (absent when prices are unavailable) */
            cost?: number;
            cost_details?: {
              /** @description BYOK: what the caller's own provider charges, USD */
              upstream_inference_cost?: number;
            };
          } & {
            [key: string]: unknown;
          })
        | null;
      error?: {
        [key: string]: unknown;
      } | null;
    } & {
      [key: string]: unknown;
    };
    /** @description A result file, stored by us */
    TaskResultFile: {
      file_id: string;
      /** @description `/v1/files/{file_id}/content` on this gateway, never an expiring upstream URL */
      url: string;
      media_type: string;
      bytes: number;
    };
    /** @description One user and what they spent in the range */
    TopSpender: {
      user_id: string;
      name: string;
      requests: number;
      /** @description USD */
      cost: number;
    };
    /** @description The users who spent most, highest first */
    TopSpenders: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['TopSpender'][];
    };
    /** @description A transcript (`json`, `verbose_json`) */
    Transcription: {
      text: string;
      language?: string;
      duration?: number;
      segments?: {
        [key: string]: unknown;
      }[];
      words?: {
        [key: string]: unknown;
      }[];
      _routing: components['schemas']['Routing'];
    } & {
      [key: string]: unknown;
    };
    /** @description Changes to a channel: only the fields sent change */
    UpdateChannelBody: {
      name?: string | null;
      /**
       * Format: uri
       * @description base_url must be an http or https URL
       */
      base_url?: string | null;
      api_key?: string | null;
      models?: string[] | null;
      model_mapping?: Record<string, unknown> | null;
      priority?: number | null;
      weight?: number | null;
      endpoints?:
        | (
            | '/v1/chat/completions'
            | '/v1/embeddings'
            | '/v1/completions'
            | '/v1/responses'
            | '/v1/messages'
            | '/v1beta/models:generateContent'
            | '/v1/images/generations'
            | '/v1/images/edits'
            | '/v1/rerank'
            | '/v1/audio/speech'
            | '/v1/audio/transcriptions'
            | '/v1/videos/generations'
            | '/v1/music/generations'
            | '/v1/3d/generations'
          )[]
        | null;
      /** @enum {string|null} */
      status?: 'enabled' | 'disabled' | null;
      max_concurrency?: number | null;
      rpm_limit?: number | null;
      cache_ttl_seconds?: number | null;
    };
    /** @description The fields to change; the others stay as they are */
    UpdateUserBody: {
      name?: string | null;
      email?: string | null;
      /** @enum {string|null} */
      role?: 'user' | 'partner' | 'vip' | 'admin' | null;
      disabled?: boolean | null;
    };
    /** @description Totals per UTC day, oldest first */
    UsageDaily: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['UsageDay'][];
      totals: components['schemas']['UsageTotals'];
    };
    /** @description Totals of one UTC day */
    UsageDay: {
      /** @enum {string} */
      object: 'usage.day';
      /**
       * Format: date
       * @description YYYY-MM-DD
       */
      date: string;
      requests: number;
      prompt_tokens: number;
      completion_tokens: number;
      /** @description USD */
      cost: number;
    };
    /** @description Usage records, newest first */
    UsageList: {
      /** @enum {string} */
      object: 'list';
      /** @description The user's balance, USD; null when listing every user's usage */
      balance: number | null;
      data: components['schemas']['UsageRecord'][];
      has_more: boolean;
    };
    /** @description One request, as billed */
    UsageRecord: {
      request_id: string;
      user_id: string;
      model: string;
      endpoint: string;
      channel_id: string;
      /** @enum {string} */
      channel_type: 'PLATFORM' | 'PRIVATE';
      prompt_tokens: number;
      completion_tokens: number;
      cached_tokens: number;
      cache_write_tokens: number;
      reasoning_tokens: number;
      images: number;
      audio_seconds: number;
      /** @description USD */
      cost: number;
      /** @description The upstream reported no usage and the router estimated it */
      estimated: boolean;
      /** @description Answered from the response cache */
      cached: boolean;
      batch_id: string | null;
      /** @description Unix seconds */
      created_at: number;
    };
    /** @description Totals of one bucket and group */
    UsageSeriesPoint: {
      /** @description The bucket's first second (a UTC hour or day) */
      start: number;
      /** @description The model, channel type, user id or channel id; null when not grouped */
      group: string | null;
      requests: number;
      prompt_tokens: number;
      completion_tokens: number;
      /** @description USD */
      cost: number;
    };
    /** @description Usage per UTC hour or day and group, read from the roll-ups */
    UsageSummary: {
      /** @enum {string} */
      object: 'usage.summary';
      /** @enum {string} */
      granularity: 'hour' | 'day';
      /** @description The start of the range, rounded down to a whole UTC hour or day (the granularity) */
      from: number;
      /** @description The end of the range (exclusive), rounded up to a whole UTC hour or day */
      to: number;
      /** @enum {string} */
      group_by: 'none' | 'model' | 'channel_type' | 'user' | 'channel';
      totals: components['schemas']['UsageTotals'];
      /** @description Buckets with usage only (a bucket with none is left out), oldest first, then by group */
      series: components['schemas']['UsageSeriesPoint'][];
      /** @description Every group with usage in the range, by cost, highest first */
      groups: {
        group: string | null;
        requests: number;
        /** @description USD */
        cost: number;
      }[];
    };
    /** @description Totals of a range */
    UsageTotals: {
      requests: number;
      prompt_tokens: number;
      completion_tokens: number;
      /** @description USD, summed exactly from nano-USD */
      cost: number;
    };
    /** @description A user */
    User: {
      id: string;
      /** @enum {string} */
      object: 'user';
      name: string;
      /** @description The email password sign-in goes by; null: none */
      email: string | null;
      /** @enum {string} */
      role: 'user' | 'partner' | 'vip' | 'admin';
      /** @description When an admin disabled the user (their keys, sessions and sign-ins fail); null: enabled */
      disabled_at: number | null;
      /** @description USD */
      balance: number;
      /** @description USD owed; credits repay it first, paid requests are refused until then */
      debt: number;
      /** @description The limit in force; null = unlimited */
      requests_per_minute: number | null;
      /** @enum {string} */
      rate_limit_source: 'role' | 'user';
      /** @description Unix seconds */
      created_at: number;
    };
    UserList: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['User'][];
      has_more: boolean;
    };
  };
  responses: {
    /** @description Bad request: `invalid_json`, `invalid_value`, `missing_required_parameter`, `upstream_error` */
    AnthropicError400_invalid_json_invalid_value_missing_required_parameter_upstream_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description No key, or an unknown or revoked key: `invalid_api_key` */
    AnthropicError401_invalid_api_key: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description The balance cannot cover the request: `insufficient_quota` */
    AnthropicError402_insufficient_quota: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description The key may not call this route: `AUTH_1015`, `permission_denied` */
    AnthropicError403_AUTH_1015_permission_denied: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description Not found: `not_found`, `model_not_found` */
    AnthropicError404_not_found_model_not_found: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description Too large: `request_too_large` */
    AnthropicError413_request_too_large: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description The URL is too long: `request_too_large` */
    AnthropicError414_request_too_large: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description Unsupported content type: `invalid_value` */
    AnthropicError415_invalid_value: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description Too many requests: `rate_limit_exceeded` */
    AnthropicError429_rate_limit_exceeded: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        'Retry-After': components['headers']['RetryAfter'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description The request headers are too large: `request_too_large` */
    AnthropicError431_request_too_large: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description Internal error: `internal_error` */
    AnthropicError500_internal_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description The upstream failed: `upstream_error` */
    AnthropicError502_upstream_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description Unavailable: `service_unavailable`, `channels_unavailable` */
    AnthropicError503_service_unavailable_channels_unavailable: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description The upstream timed out: `upstream_timeout` */
    AnthropicError504_upstream_timeout: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description An upstream's refusal of the request, passed on with the upstream's status: `upstream_error` */
    AnthropicErrorDefault_upstream_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['AnthropicError'];
      };
    };
    /** @description Bad request: `invalid_value` */
    FilesError400_invalid_value: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description Bad request: `invalid_value`, `missing_required_parameter`, `VALIDATION_4007`, `INFERENCE_3303` */
    FilesError400_invalid_value_missing_required_parameter_VALIDATION_4007_INFERENCE_3303: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description No key, or an unknown or revoked key: `invalid_api_key` */
    FilesError401_invalid_api_key: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description The key may not call this route: `AUTH_1015` */
    FilesError403_AUTH_1015: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description The key may not call this route: `AUTH_1015`, `permission_denied` */
    FilesError403_AUTH_1015_permission_denied: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description Not found: `INFERENCE_3302` */
    FilesError404_INFERENCE_3302: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description Too large: `request_too_large`, `VALIDATION_4016` */
    FilesError413_request_too_large_VALIDATION_4016: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description The URL is too long: `request_too_large` */
    FilesError414_request_too_large: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description Unsupported content type: `invalid_value` */
    FilesError415_invalid_value: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description Too many requests: `rate_limit_exceeded` */
    FilesError429_rate_limit_exceeded: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        'Retry-After': components['headers']['RetryAfter'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description The request headers are too large: `request_too_large` */
    FilesError431_request_too_large: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description Internal error: `internal_error` */
    FilesError500_internal_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description The upstream failed: `upstream_error` */
    FilesError502_upstream_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description Unavailable: `service_unavailable` */
    FilesError503_service_unavailable: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description Unavailable: `service_unavailable`, `channels_unavailable` */
    FilesError503_service_unavailable_channels_unavailable: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description The upstream timed out: `upstream_timeout` */
    FilesError504_upstream_timeout: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description An upstream's refusal of the request, passed on with the upstream's status: `upstream_error` */
    FilesErrorDefault_upstream_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'request-id': components['headers']['AnthropicRequestId'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'] | components['schemas']['AnthropicError'];
      };
    };
    /** @description Bad request: `invalid_json`, `invalid_value`, `missing_required_parameter`, `upstream_error` */
    GeminiError400_invalid_json_invalid_value_missing_required_parameter_upstream_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description No key, or an unknown or revoked key: `invalid_api_key` */
    GeminiError401_invalid_api_key: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description The balance cannot cover the request: `insufficient_quota` */
    GeminiError402_insufficient_quota: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description The key may not call this route: `AUTH_1015`, `permission_denied` */
    GeminiError403_AUTH_1015_permission_denied: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description Not found: `not_found`, `model_not_found` */
    GeminiError404_not_found_model_not_found: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description Too large: `request_too_large` */
    GeminiError413_request_too_large: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description The URL is too long: `request_too_large` */
    GeminiError414_request_too_large: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description Unsupported content type: `invalid_value` */
    GeminiError415_invalid_value: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description Too many requests: `rate_limit_exceeded` */
    GeminiError429_rate_limit_exceeded: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        'Retry-After': components['headers']['RetryAfter'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description The request headers are too large: `request_too_large` */
    GeminiError431_request_too_large: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description Internal error: `internal_error` */
    GeminiError500_internal_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description The upstream failed: `upstream_error` */
    GeminiError502_upstream_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description Unavailable: `service_unavailable`, `channels_unavailable` */
    GeminiError503_service_unavailable_channels_unavailable: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description The upstream timed out: `upstream_timeout` */
    GeminiError504_upstream_timeout: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description An upstream's refusal of the request, passed on with the upstream's status: `upstream_error` */
    GeminiErrorDefault_upstream_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GeminiError'];
      };
    };
    /** @description Bad request: `invalid_json`, `invalid_value`, `missing_required_parameter` */
    OpenAIError400_invalid_json_invalid_value_missing_required_parameter: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Bad request: `invalid_json`, `invalid_value`, `missing_required_parameter`, `upstream_error` */
    OpenAIError400_invalid_json_invalid_value_missing_required_parameter_upstream_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Bad request: `invalid_json`, `invalid_value`, `missing_required_parameter`, `weak_password` */
    OpenAIError400_invalid_json_invalid_value_missing_required_parameter_weak_password: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Bad request: `invalid_value` */
    OpenAIError400_invalid_value: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Bad request: `invalid_value`, `missing_required_parameter`, `upstream_error` */
    OpenAIError400_invalid_value_missing_required_parameter_upstream_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description No key, or an unknown or revoked key: `invalid_api_key` */
    OpenAIError401_invalid_api_key: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description No key, or an unknown or revoked key: `invalid_credentials` */
    OpenAIError401_invalid_credentials: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description The balance cannot cover the request: `insufficient_quota` */
    OpenAIError402_insufficient_quota: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description The key may not call this route: `AUTH_1015` */
    OpenAIError403_AUTH_1015: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description The key may not call this route: `AUTH_1015`, `permission_denied` */
    OpenAIError403_AUTH_1015_permission_denied: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description The key may not call this route: `permission_denied` */
    OpenAIError403_permission_denied: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Not found: `INFERENCE_3302` */
    OpenAIError404_INFERENCE_3302: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Not found: `model_not_found` */
    OpenAIError404_model_not_found: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Not found: `not_found` */
    OpenAIError404_not_found: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Not found: `not_found`, `model_not_found` */
    OpenAIError404_not_found_model_not_found: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Conflict: `conflict` */
    OpenAIError409_conflict: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Too large: `request_too_large` */
    OpenAIError413_request_too_large: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description The URL is too long: `request_too_large` */
    OpenAIError414_request_too_large: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Unsupported content type: `invalid_value` */
    OpenAIError415_invalid_value: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Too many requests: `rate_limit_exceeded` */
    OpenAIError429_rate_limit_exceeded: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        'Retry-After': components['headers']['RetryAfter'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description The request headers are too large: `request_too_large` */
    OpenAIError431_request_too_large: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Internal error: `internal_error` */
    OpenAIError500_internal_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description The upstream failed: `upstream_error` */
    OpenAIError502_upstream_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Unavailable: `service_unavailable` */
    OpenAIError503_service_unavailable: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description Unavailable: `service_unavailable`, `channels_unavailable` */
    OpenAIError503_service_unavailable_channels_unavailable: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description The upstream timed out: `upstream_timeout` */
    OpenAIError504_upstream_timeout: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
    /** @description An upstream's refusal of the request, passed on with the upstream's status: `upstream_error` */
    OpenAIErrorDefault_upstream_error: {
      headers: {
        'x-request-id': components['headers']['RequestId'];
        traceresponse: components['headers']['TraceResponse'];
        'x-should-retry': components['headers']['ShouldRetry'];
        'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
        'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
        'X-RateLimit-Reset': components['headers']['RateLimitReset'];
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['OpenAIError'];
      };
    };
  };
  parameters: {
    /** @description The page after this id (the last id of the previous page) */
    After: string;
    /**
     * @description Anthropic beta flags, comma-separated; `files-api-2025-04-14` selects Anthropic's Files API on `/v1/files`
     * @example files-api-2025-04-14
     */
    AnthropicBeta: string;
    /** @description `true` (as Anthropic's SDK sends it on beta paths) selects Anthropic's Files API */
    AnthropicBetaQuery: 'true';
    /**
     * @description Anthropic's API version, as Anthropic's clients send it; on `/v1/files` it selects Anthropic's Files API
     * @example 2023-06-01
     */
    AnthropicVersion: string;
    /**
     * @description A batch id
     * @example batch_3kF9aB2cD4eF6gH8iJ0kL2mN
     */
    BatchId: string;
    /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
    CacheHeader: 'on' | 'off';
    /**
     * @description A channel id
     * @example ch_3kF9aB2cD4eF6gH8iJ0kL2mN
     */
    ChannelId: string;
    /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
    ChannelTypeHeader: 'PLATFORM' | 'PRIVATE';
    /**
     * @description A file id: `file-…` (OpenAI mode) or `file_…` (Anthropic mode)
     * @example file-3kF9aB2cD4eF6gH8iJ0kL2mN
     */
    FileId: string;
    /**
     * @description An API key id
     * @example key_3kF9aB2cD4eF6gH8iJ0kL2mN
     */
    KeyId: string;
    /**
     * @description A model id; it may contain `/` (`vendor/model`), sent as is: the id spans path segments
     * @example mock-gpt
     */
    Model: string;
    /**
     * @description A stored Responses answer
     * @example resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b
     */
    ResponseId: string;
    /**
     * @description A role
     * @example user
     */
    Role: 'user' | 'partner' | 'vip' | 'admin';
    /**
     * @description A console session id
     * @example ses_3kF9aB2cD4eF6gH8iJ0kL2mN
     */
    SessionId: string;
    /**
     * @description A generation task id
     * @example task_3kF9aB2cD4eF6gH8iJ0kL2mN
     */
    TaskId: string;
    /**
     * @description A user id
     * @example usr_3kF9aB2cD4eF6gH8iJ0kL2mN
     */
    UserId: string;
  };
  requestBodies: never;
  headers: {
    /** @description Byte ranges may be asked for (`Range: bytes=…`) */
    AcceptRanges: 'bytes';
    /** @description The request id, where Anthropic's clients look for it (Anthropic-mode errors) */
    AnthropicRequestId: string;
    /** @description How long a browser may keep the file without asking again */
    CacheControl: string;
    /** @description The caller's own `x-request-id`, echoed when it is printable and at most 128 characters (a label only) */
    ClientRequestId: string;
    /** @description `attachment; filename="<the file's name>"` */
    ContentDisposition: string;
    /** @description `bytes <first>-<last>/<size>` of a partial answer; `bytes *\/<size>` of a range that cannot be served */
    ContentRange: string;
    /** @description The page loads scripts, styles and data only from this gateway, and runs no inline code */
    ContentSecurityPolicy: string;
    /** @description The version of the bytes, for `If-None-Match` */
    ETag: string;
    /** @description Where the browser goes next */
    Location: string;
    /** @description Requests per minute the caller's user may make (absent for unlimited callers, such as admins, and where no key was counted) */
    RateLimitLimit: number;
    /** @description Requests left in the current minute */
    RateLimitRemaining: number;
    /** @description Unix seconds when a request slot frees up */
    RateLimitReset: number;
    /**
     * @description Our id of the request (`req_` + 24 hex), on every answer; quote it when reporting a problem
     * @example req_3f9a1c0b7d2e4f6a00000001
     */
    RequestId: string;
    /** @description Seconds to wait before the rate limit admits another request */
    RetryAfter: number;
    /** @description `switchyard_session=<token>; Max-Age=<s>; Path=/; HttpOnly; SameSite=Strict` (and `Secure` over https): the console session. Sign-out clears it (`Max-Age=0`). */
    SetSessionCookie: string;
    /** @description `false` on errors a retry cannot fix (every status except 408, 429 and 5xx), so SDKs do not retry them */
    ShouldRetry: 'false';
    /** @description Whether the answer came from the response cache */
    SwitchyardCached: 'true' | 'false';
    /** @description The channel that served the request (`_routing.channel.id`) */
    SwitchyardChannelId: string;
    /** @description The channel's name, URI-encoded (redacted for PLATFORM channels unless the caller is an admin) */
    SwitchyardChannelName: string;
    /** @description The channel's provider */
    SwitchyardChannelProvider: string;
    /** @description The kind of channel that served the request */
    SwitchyardChannelType: 'PLATFORM' | 'PRIVATE';
    /** @description What the request cost the caller, USD (absent when prices are unavailable) */
    SwitchyardCost: string;
    /** @description On a CSV export (`format=csv`): `true` when it was cut at 100,000 rows (the newest are kept), `false` when it holds every record */
    SwitchyardExportTruncated: 'true' | 'false';
    /** @description How many channels failed before this one */
    SwitchyardRetryCount: string;
    /**
     * @description W3C Trace Context Level 2 `traceresponse`, when the operator exports traces: `00-<trace id>-<span id>-<flags>`, the trace of this request (continuing the caller's `traceparent` when it sent a valid one) and the gateway's span of it
     * @example 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01
     */
    TraceResponse: string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  createChatCompletion: {
    parameters: {
      query?: never;
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
        'x-switchyard-cache'?: components['parameters']['CacheHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "gpt-4o-mini",
         *       "messages": [
         *         {
         *           "role": "user",
         *           "content": "Hello"
         *         }
         *       ],
         *       "stream": false
         *     }
         */
        'application/json': components['schemas']['ChatCompletionBody'];
      };
    };
    responses: {
      /** @description The completion. With `"stream": true`: `text/event-stream`, each event `data: <chunk>`, then `data: [DONE]`; the last chunk before it carries `_routing`. A failure after the first event ends the stream with an error event (`data: {"error": …}`) and no `[DONE]`. */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-channel-id': components['headers']['SwitchyardChannelId'];
          'x-switchyard-channel-name': components['headers']['SwitchyardChannelName'];
          'x-switchyard-channel-provider': components['headers']['SwitchyardChannelProvider'];
          'x-switchyard-channel-type': components['headers']['SwitchyardChannelType'];
          'x-switchyard-cached': components['headers']['SwitchyardCached'];
          'x-switchyard-retry-count': components['headers']['SwitchyardRetryCount'];
          'x-switchyard-cost': components['headers']['SwitchyardCost'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
           *       "object": "chat.completion",
           *       "created": 1764720000,
           *       "model": "gpt-4o-mini",
           *       "choices": [
           *         {
           *           "index": 0,
           *           "message": {
           *             "role": "assistant",
           *             "content": "Hello! How can I help?",
           *             "refusal": null
           *           },
           *           "logprobs": null,
           *           "finish_reason": "stop"
           *         }
           *       ],
           *       "usage": {
           *         "prompt_tokens": 9,
           *         "completion_tokens": 7,
           *         "total_tokens": 16,
           *         "cost": 0.0000056
           *       },
           *       "system_fingerprint": "fp_44709d6fcb",
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['ChatCompletion'];
          /**
           * @example {
           *       "id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG",
           *       "object": "chat.completion.chunk",
           *       "created": 1764720000,
           *       "model": "gpt-4o-mini",
           *       "choices": [
           *         {
           *           "index": 0,
           *           "delta": {
           *             "content": "Hello"
           *           },
           *           "finish_reason": null
           *         }
           *       ]
           *     }
           */
          'text/event-stream': components['schemas']['ChatCompletionChunk'] | components['schemas']['OpenAIError'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      402: components['responses']['OpenAIError402_insufficient_quota'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found_model_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      502: components['responses']['OpenAIError502_upstream_error'];
      503: components['responses']['OpenAIError503_service_unavailable_channels_unavailable'];
      504: components['responses']['OpenAIError504_upstream_timeout'];
      default: components['responses']['OpenAIErrorDefault_upstream_error'];
    };
  };
  createCompletion: {
    parameters: {
      query?: never;
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
        'x-switchyard-cache'?: components['parameters']['CacheHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "gpt-3.5-turbo-instruct",
         *       "prompt": "Say hello",
         *       "max_tokens": 16
         *     }
         */
        'application/json': components['schemas']['CompletionsBody'];
      };
    };
    responses: {
      /** @description The completion. With `"stream": true`: `text/event-stream`, each event `data: <chunk>`, then `data: [DONE]`; the last chunk before it carries `_routing`. A failure after the first event ends the stream with an error event (`data: {"error": …}`) and no `[DONE]`. */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-channel-id': components['headers']['SwitchyardChannelId'];
          'x-switchyard-channel-name': components['headers']['SwitchyardChannelName'];
          'x-switchyard-channel-provider': components['headers']['SwitchyardChannelProvider'];
          'x-switchyard-channel-type': components['headers']['SwitchyardChannelType'];
          'x-switchyard-cached': components['headers']['SwitchyardCached'];
          'x-switchyard-retry-count': components['headers']['SwitchyardRetryCount'];
          'x-switchyard-cost': components['headers']['SwitchyardCost'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "cmpl-9Yy4L2",
           *       "object": "text_completion",
           *       "created": 1764720000,
           *       "model": "gpt-3.5-turbo-instruct",
           *       "choices": [
           *         {
           *           "index": 0,
           *           "text": "Hello!",
           *           "finish_reason": "stop",
           *           "logprobs": null
           *         }
           *       ],
           *       "usage": {
           *         "prompt_tokens": 3,
           *         "completion_tokens": 2,
           *         "total_tokens": 5,
           *         "cost": 0.0000085
           *       },
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['Completion'];
          /**
           * @example {
           *       "id": "cmpl-9Yy4L2",
           *       "object": "text_completion",
           *       "created": 1764720000,
           *       "model": "gpt-3.5-turbo-instruct",
           *       "choices": []
           *     }
           */
          'text/event-stream': components['schemas']['CompletionChunk'] | components['schemas']['OpenAIError'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      402: components['responses']['OpenAIError402_insufficient_quota'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found_model_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      502: components['responses']['OpenAIError502_upstream_error'];
      503: components['responses']['OpenAIError503_service_unavailable_channels_unavailable'];
      504: components['responses']['OpenAIError504_upstream_timeout'];
      default: components['responses']['OpenAIErrorDefault_upstream_error'];
    };
  };
  createEmbeddings: {
    parameters: {
      query?: never;
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
        'x-switchyard-cache'?: components['parameters']['CacheHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "text-embedding-3-small",
         *       "input": [
         *         "first text",
         *         "second text"
         *       ]
         *     }
         */
        'application/json': components['schemas']['EmbeddingsBody'];
      };
    };
    responses: {
      /** @description The embeddings, in input order */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-channel-id': components['headers']['SwitchyardChannelId'];
          'x-switchyard-channel-name': components['headers']['SwitchyardChannelName'];
          'x-switchyard-channel-provider': components['headers']['SwitchyardChannelProvider'];
          'x-switchyard-channel-type': components['headers']['SwitchyardChannelType'];
          'x-switchyard-cached': components['headers']['SwitchyardCached'];
          'x-switchyard-retry-count': components['headers']['SwitchyardRetryCount'];
          'x-switchyard-cost': components['headers']['SwitchyardCost'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "object": "embedding",
           *           "index": 0,
           *           "embedding": [
           *             0.0023,
           *             -0.0091,
           *             0.0154
           *           ]
           *         },
           *         {
           *           "object": "embedding",
           *           "index": 1,
           *           "embedding": [
           *             0.0121,
           *             0.0007,
           *             -0.0042
           *           ]
           *         }
           *       ],
           *       "model": "text-embedding-3-small",
           *       "usage": {
           *         "prompt_tokens": 4,
           *         "total_tokens": 4,
           *         "cost": 8e-8
           *       },
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['EmbeddingList'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      402: components['responses']['OpenAIError402_insufficient_quota'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found_model_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      502: components['responses']['OpenAIError502_upstream_error'];
      503: components['responses']['OpenAIError503_service_unavailable_channels_unavailable'];
      504: components['responses']['OpenAIError504_upstream_timeout'];
      default: components['responses']['OpenAIErrorDefault_upstream_error'];
    };
  };
  createResponse: {
    parameters: {
      query?: never;
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
        'x-switchyard-cache'?: components['parameters']['CacheHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "gpt-4o-mini",
         *       "input": "Hello"
         *     }
         */
        'application/json': components['schemas']['ResponsesBody'];
      };
    };
    responses: {
      /** @description The response. With `"stream": true`: `text/event-stream` of typed events (`event: <type>` and `data: <event>`); `response.created` carries `_routing` in its `response`. A failure after the first event ends the stream with an `error` event. */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-channel-id': components['headers']['SwitchyardChannelId'];
          'x-switchyard-channel-name': components['headers']['SwitchyardChannelName'];
          'x-switchyard-channel-provider': components['headers']['SwitchyardChannelProvider'];
          'x-switchyard-channel-type': components['headers']['SwitchyardChannelType'];
          'x-switchyard-cached': components['headers']['SwitchyardCached'];
          'x-switchyard-retry-count': components['headers']['SwitchyardRetryCount'];
          'x-switchyard-cost': components['headers']['SwitchyardCost'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b",
           *       "object": "response",
           *       "created_at": 1764720000,
           *       "status": "completed",
           *       "model": "gpt-4o-mini",
           *       "output": [
           *         {
           *           "type": "message",
           *           "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
           *           "status": "completed",
           *           "role": "assistant",
           *           "content": [
           *             {
           *               "type": "output_text",
           *               "text": "Hello! How can I help?",
           *               "annotations": []
           *             }
           *           ]
           *         }
           *       ],
           *       "usage": {
           *         "input_tokens": 9,
           *         "output_tokens": 7,
           *         "total_tokens": 16,
           *         "cost": 0.0000056
           *       },
           *       "error": null,
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['Response'];
          /**
           * @example {
           *       "type": "response.output_text.delta",
           *       "sequence_number": 4,
           *       "delta": "Hello"
           *     }
           */
          'text/event-stream': components['schemas']['ResponseStreamEvent'] | components['schemas']['ResponsesErrorEvent'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      402: components['responses']['OpenAIError402_insufficient_quota'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found_model_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      502: components['responses']['OpenAIError502_upstream_error'];
      503: components['responses']['OpenAIError503_service_unavailable_channels_unavailable'];
      504: components['responses']['OpenAIError504_upstream_timeout'];
      default: components['responses']['OpenAIErrorDefault_upstream_error'];
    };
  };
  getResponse: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A stored Responses answer
         * @example resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b
         */
        response_id: components['parameters']['ResponseId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The stored answer, as the channel that stored it returns it */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b",
           *       "object": "response",
           *       "created_at": 1764720000,
           *       "status": "completed",
           *       "model": "gpt-4o-mini",
           *       "output": [
           *         {
           *           "type": "message",
           *           "id": "msg_67ccd2bf17f0819081ff3bb2cf6508e6",
           *           "status": "completed",
           *           "role": "assistant",
           *           "content": [
           *             {
           *               "type": "output_text",
           *               "text": "Hello! How can I help?",
           *               "annotations": []
           *             }
           *           ]
           *         }
           *       ],
           *       "usage": {
           *         "input_tokens": 9,
           *         "output_tokens": 7,
           *         "total_tokens": 16,
           *         "cost": 0.0000056
           *       },
           *       "error": null
           *     }
           */
          'application/json': components['schemas']['StoredResponse'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      502: components['responses']['OpenAIError502_upstream_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
      504: components['responses']['OpenAIError504_upstream_timeout'];
      default: components['responses']['OpenAIErrorDefault_upstream_error'];
    };
  };
  deleteResponse: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A stored Responses answer
         * @example resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b
         */
        response_id: components['parameters']['ResponseId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted at the channel that stored it */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b",
           *       "object": "response",
           *       "deleted": true
           *     }
           */
          'application/json': components['schemas']['ResponseDeleted'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      502: components['responses']['OpenAIError502_upstream_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
      504: components['responses']['OpenAIError504_upstream_timeout'];
      default: components['responses']['OpenAIErrorDefault_upstream_error'];
    };
  };
  listResponseInputItems: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A stored Responses answer
         * @example resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b
         */
        response_id: components['parameters']['ResponseId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The input items */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "id": "msg_in0",
           *           "type": "message",
           *           "role": "user",
           *           "content": [
           *             {
           *               "type": "input_text",
           *               "text": "Hello"
           *             }
           *           ]
           *         }
           *       ],
           *       "first_id": "msg_in0",
           *       "last_id": "msg_in0",
           *       "has_more": false
           *     }
           */
          'application/json': components['schemas']['ResponseInputItemList'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      502: components['responses']['OpenAIError502_upstream_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
      504: components['responses']['OpenAIError504_upstream_timeout'];
      default: components['responses']['OpenAIErrorDefault_upstream_error'];
    };
  };
  createMessage: {
    parameters: {
      query?: never;
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
        'x-switchyard-cache'?: components['parameters']['CacheHeader'];
        /**
         * @description Anthropic's API version, as Anthropic's clients send it; on `/v1/files` it selects Anthropic's Files API
         * @example 2023-06-01
         */
        'anthropic-version'?: components['parameters']['AnthropicVersion'];
        /**
         * @description Anthropic beta flags, comma-separated; `files-api-2025-04-14` selects Anthropic's Files API on `/v1/files`
         * @example files-api-2025-04-14
         */
        'anthropic-beta'?: components['parameters']['AnthropicBeta'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "claude-sonnet-4-5",
         *       "max_tokens": 1024,
         *       "messages": [
         *         {
         *           "role": "user",
         *           "content": "Hello"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['MessagesBody'];
      };
    };
    responses: {
      /** @description The message. With `"stream": true`: `text/event-stream` of Anthropic's events (`event: <type>` and `data: <event>`); `message_start` carries `_routing` in its `message`. A failure after the first event ends the stream with an `error` event. */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-channel-id': components['headers']['SwitchyardChannelId'];
          'x-switchyard-channel-name': components['headers']['SwitchyardChannelName'];
          'x-switchyard-channel-provider': components['headers']['SwitchyardChannelProvider'];
          'x-switchyard-channel-type': components['headers']['SwitchyardChannelType'];
          'x-switchyard-cached': components['headers']['SwitchyardCached'];
          'x-switchyard-retry-count': components['headers']['SwitchyardRetryCount'];
          'x-switchyard-cost': components['headers']['SwitchyardCost'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "msg_01XFDUDYJgAACzvnptvVoYEL",
           *       "type": "message",
           *       "role": "assistant",
           *       "model": "claude-sonnet-4-5",
           *       "content": [
           *         {
           *           "type": "text",
           *           "text": "Hello! How can I help?"
           *         }
           *       ],
           *       "stop_reason": "end_turn",
           *       "stop_sequence": null,
           *       "usage": {
           *         "input_tokens": 9,
           *         "output_tokens": 9,
           *         "cost": 0.000162
           *       },
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['AnthropicMessage'];
          /**
           * @example {
           *       "type": "content_block_delta",
           *       "index": 0,
           *       "delta": {
           *         "type": "text_delta",
           *         "text": "Hello"
           *       }
           *     }
           */
          'text/event-stream': components['schemas']['AnthropicStreamEvent'] | components['schemas']['AnthropicError'];
        };
      };
      400: components['responses']['AnthropicError400_invalid_json_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['AnthropicError401_invalid_api_key'];
      402: components['responses']['AnthropicError402_insufficient_quota'];
      403: components['responses']['AnthropicError403_AUTH_1015_permission_denied'];
      404: components['responses']['AnthropicError404_not_found_model_not_found'];
      413: components['responses']['AnthropicError413_request_too_large'];
      414: components['responses']['AnthropicError414_request_too_large'];
      415: components['responses']['AnthropicError415_invalid_value'];
      429: components['responses']['AnthropicError429_rate_limit_exceeded'];
      431: components['responses']['AnthropicError431_request_too_large'];
      500: components['responses']['AnthropicError500_internal_error'];
      502: components['responses']['AnthropicError502_upstream_error'];
      503: components['responses']['AnthropicError503_service_unavailable_channels_unavailable'];
      504: components['responses']['AnthropicError504_upstream_timeout'];
      default: components['responses']['AnthropicErrorDefault_upstream_error'];
    };
  };
  countMessageTokens: {
    parameters: {
      query?: never;
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /**
         * @description Anthropic's API version, as Anthropic's clients send it; on `/v1/files` it selects Anthropic's Files API
         * @example 2023-06-01
         */
        'anthropic-version'?: components['parameters']['AnthropicVersion'];
        /**
         * @description Anthropic beta flags, comma-separated; `files-api-2025-04-14` selects Anthropic's Files API on `/v1/files`
         * @example files-api-2025-04-14
         */
        'anthropic-beta'?: components['parameters']['AnthropicBeta'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "claude-sonnet-4-5",
         *       "messages": [
         *         {
         *           "role": "user",
         *           "content": "Hello"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['CountTokensBody'];
      };
    };
    responses: {
      /** @description The count */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "input_tokens": 9
           *     }
           */
          'application/json': components['schemas']['CountTokensReply'];
        };
      };
      400: components['responses']['AnthropicError400_invalid_json_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['AnthropicError401_invalid_api_key'];
      403: components['responses']['AnthropicError403_AUTH_1015_permission_denied'];
      404: components['responses']['AnthropicError404_not_found_model_not_found'];
      413: components['responses']['AnthropicError413_request_too_large'];
      414: components['responses']['AnthropicError414_request_too_large'];
      415: components['responses']['AnthropicError415_invalid_value'];
      429: components['responses']['AnthropicError429_rate_limit_exceeded'];
      431: components['responses']['AnthropicError431_request_too_large'];
      500: components['responses']['AnthropicError500_internal_error'];
      502: components['responses']['AnthropicError502_upstream_error'];
      503: components['responses']['AnthropicError503_service_unavailable_channels_unavailable'];
      504: components['responses']['AnthropicError504_upstream_timeout'];
      default: components['responses']['AnthropicErrorDefault_upstream_error'];
    };
  };
  generateContent: {
    parameters: {
      query?: never;
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
        'x-switchyard-cache'?: components['parameters']['CacheHeader'];
      };
      path: {
        /**
         * @description The model id (without `/`)
         * @example gemini-2.0-flash
         */
        model: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "contents": [
         *         {
         *           "role": "user",
         *           "parts": [
         *             {
         *               "text": "Hello"
         *             }
         *           ]
         *         }
         *       ],
         *       "generationConfig": {
         *         "maxOutputTokens": 256
         *       }
         *     }
         */
        'application/json': components['schemas']['GenerateContentBody'];
      };
    };
    responses: {
      /** @description The answer */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-channel-id': components['headers']['SwitchyardChannelId'];
          'x-switchyard-channel-name': components['headers']['SwitchyardChannelName'];
          'x-switchyard-channel-provider': components['headers']['SwitchyardChannelProvider'];
          'x-switchyard-channel-type': components['headers']['SwitchyardChannelType'];
          'x-switchyard-cached': components['headers']['SwitchyardCached'];
          'x-switchyard-retry-count': components['headers']['SwitchyardRetryCount'];
          'x-switchyard-cost': components['headers']['SwitchyardCost'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "candidates": [
           *         {
           *           "content": {
           *             "role": "model",
           *             "parts": [
           *               {
           *                 "text": "Hello! How can I help?"
           *               }
           *             ]
           *           },
           *           "finishReason": "STOP",
           *           "index": 0
           *         }
           *       ],
           *       "usageMetadata": {
           *         "promptTokenCount": 2,
           *         "candidatesTokenCount": 7,
           *         "totalTokenCount": 9,
           *         "cost": 0.0000021
           *       },
           *       "modelVersion": "gemini-2.0-flash",
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['GenerateContentResponse'];
        };
      };
      400: components['responses']['GeminiError400_invalid_json_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['GeminiError401_invalid_api_key'];
      402: components['responses']['GeminiError402_insufficient_quota'];
      403: components['responses']['GeminiError403_AUTH_1015_permission_denied'];
      404: components['responses']['GeminiError404_not_found_model_not_found'];
      413: components['responses']['GeminiError413_request_too_large'];
      414: components['responses']['GeminiError414_request_too_large'];
      415: components['responses']['GeminiError415_invalid_value'];
      429: components['responses']['GeminiError429_rate_limit_exceeded'];
      431: components['responses']['GeminiError431_request_too_large'];
      500: components['responses']['GeminiError500_internal_error'];
      502: components['responses']['GeminiError502_upstream_error'];
      503: components['responses']['GeminiError503_service_unavailable_channels_unavailable'];
      504: components['responses']['GeminiError504_upstream_timeout'];
      default: components['responses']['GeminiErrorDefault_upstream_error'];
    };
  };
  streamGenerateContent: {
    parameters: {
      query?: {
        /** @description `sse`, as Google's clients send it; the answer is server-sent events either way */
        alt?: 'sse';
      };
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
        'x-switchyard-cache'?: components['parameters']['CacheHeader'];
      };
      path: {
        /**
         * @description The model id (without `/`)
         * @example gemini-2.0-flash
         */
        model: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "contents": [
         *         {
         *           "role": "user",
         *           "parts": [
         *             {
         *               "text": "Hello"
         *             }
         *           ]
         *         }
         *       ],
         *       "generationConfig": {
         *         "maxOutputTokens": 256
         *       }
         *     }
         */
        'application/json': components['schemas']['GenerateContentBody'];
      };
    };
    responses: {
      /** @description `text/event-stream`: each event `data: <GenerateContentResponse>`; the first carries `_routing`. A failure after the first event ends the stream with Google's error envelope as the last event. */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-channel-id': components['headers']['SwitchyardChannelId'];
          'x-switchyard-channel-name': components['headers']['SwitchyardChannelName'];
          'x-switchyard-channel-provider': components['headers']['SwitchyardChannelProvider'];
          'x-switchyard-channel-type': components['headers']['SwitchyardChannelType'];
          'x-switchyard-cached': components['headers']['SwitchyardCached'];
          'x-switchyard-retry-count': components['headers']['SwitchyardRetryCount'];
          'x-switchyard-cost': components['headers']['SwitchyardCost'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "candidates": [
           *         {
           *           "content": {
           *             "role": "model",
           *             "parts": [
           *               {
           *                 "text": "Hello! How can I help?"
           *               }
           *             ]
           *           },
           *           "finishReason": "STOP",
           *           "index": 0
           *         }
           *       ],
           *       "usageMetadata": {
           *         "promptTokenCount": 2,
           *         "candidatesTokenCount": 7,
           *         "totalTokenCount": 9,
           *         "cost": 0.0000021
           *       },
           *       "modelVersion": "gemini-2.0-flash",
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'text/event-stream': components['schemas']['GenerateContentChunk'] | components['schemas']['GeminiError'];
        };
      };
      400: components['responses']['GeminiError400_invalid_json_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['GeminiError401_invalid_api_key'];
      402: components['responses']['GeminiError402_insufficient_quota'];
      403: components['responses']['GeminiError403_AUTH_1015_permission_denied'];
      404: components['responses']['GeminiError404_not_found_model_not_found'];
      413: components['responses']['GeminiError413_request_too_large'];
      414: components['responses']['GeminiError414_request_too_large'];
      415: components['responses']['GeminiError415_invalid_value'];
      429: components['responses']['GeminiError429_rate_limit_exceeded'];
      431: components['responses']['GeminiError431_request_too_large'];
      500: components['responses']['GeminiError500_internal_error'];
      502: components['responses']['GeminiError502_upstream_error'];
      503: components['responses']['GeminiError503_service_unavailable_channels_unavailable'];
      504: components['responses']['GeminiError504_upstream_timeout'];
      default: components['responses']['GeminiErrorDefault_upstream_error'];
    };
  };
  createImage: {
    parameters: {
      query?: never;
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
        'x-switchyard-cache'?: components['parameters']['CacheHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "prompt": "A lighthouse at dawn, watercolour",
         *       "n": 1,
         *       "size": "1024x1024"
         *     }
         */
        'application/json': components['schemas']['ImageGenerationBody'];
      };
    };
    responses: {
      /** @description The images */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-channel-id': components['headers']['SwitchyardChannelId'];
          'x-switchyard-channel-name': components['headers']['SwitchyardChannelName'];
          'x-switchyard-channel-provider': components['headers']['SwitchyardChannelProvider'];
          'x-switchyard-channel-type': components['headers']['SwitchyardChannelType'];
          'x-switchyard-cached': components['headers']['SwitchyardCached'];
          'x-switchyard-retry-count': components['headers']['SwitchyardRetryCount'];
          'x-switchyard-cost': components['headers']['SwitchyardCost'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "created": 1764720000,
           *       "data": [
           *         {
           *           "b64_json": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
           *         }
           *       ],
           *       "usage": {
           *         "cost": 0.04
           *       },
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['ImagesResponse'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      402: components['responses']['OpenAIError402_insufficient_quota'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found_model_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      502: components['responses']['OpenAIError502_upstream_error'];
      503: components['responses']['OpenAIError503_service_unavailable_channels_unavailable'];
      504: components['responses']['OpenAIError504_upstream_timeout'];
      default: components['responses']['OpenAIErrorDefault_upstream_error'];
    };
  };
  editImage: {
    parameters: {
      query?: never;
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
        'x-switchyard-cache'?: components['parameters']['CacheHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "prompt": "Add a red boat",
         *       "images": [
         *         {
         *           "file_id": "file-3kF9aB2cD4eF6gH8iJ0kL2mN"
         *         }
         *       ]
         *     }
         */
        'application/json': components['schemas']['ImageEditBody'];
        /**
         * @example {
         *       "prompt": "Add a red boat",
         *       "model": "gpt-image-2"
         *     }
         */
        'multipart/form-data': {
          /**
           * Format: binary
           * @description One input image
           */
          image?: string;
          /** @description Several input images */
          'image[]'?: string[];
          /**
           * Format: binary
           * @description Where to edit: the transparent areas
           */
          mask?: string;
          /** @description What to change */
          prompt: string;
          /** @description Default `gpt-image-2` */
          model?: string;
          /** @description How many images */
          n?: number;
          size?: string;
        } & {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description The edited images */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-channel-id': components['headers']['SwitchyardChannelId'];
          'x-switchyard-channel-name': components['headers']['SwitchyardChannelName'];
          'x-switchyard-channel-provider': components['headers']['SwitchyardChannelProvider'];
          'x-switchyard-channel-type': components['headers']['SwitchyardChannelType'];
          'x-switchyard-cached': components['headers']['SwitchyardCached'];
          'x-switchyard-retry-count': components['headers']['SwitchyardRetryCount'];
          'x-switchyard-cost': components['headers']['SwitchyardCost'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "created": 1764720000,
           *       "data": [
           *         {
           *           "b64_json": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
           *         }
           *       ],
           *       "usage": {
           *         "cost": 0.04
           *       },
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['ImagesResponse'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      402: components['responses']['OpenAIError402_insufficient_quota'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found_model_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      502: components['responses']['OpenAIError502_upstream_error'];
      503: components['responses']['OpenAIError503_service_unavailable_channels_unavailable'];
      504: components['responses']['OpenAIError504_upstream_timeout'];
      default: components['responses']['OpenAIErrorDefault_upstream_error'];
    };
  };
  createSpeech: {
    parameters: {
      query?: never;
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
        'x-switchyard-cache'?: components['parameters']['CacheHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "gpt-4o-mini-tts",
         *       "input": "Hello there",
         *       "voice": "alloy",
         *       "response_format": "mp3"
         *     }
         */
        'application/json': components['schemas']['SpeechBody'];
      };
    };
    responses: {
      /** @description The audio, in `response_format` (mp3 unless said otherwise); cut short (the connection closed) if the upstream fails mid-way */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-channel-id': components['headers']['SwitchyardChannelId'];
          'x-switchyard-channel-name': components['headers']['SwitchyardChannelName'];
          'x-switchyard-channel-provider': components['headers']['SwitchyardChannelProvider'];
          'x-switchyard-channel-type': components['headers']['SwitchyardChannelType'];
          'x-switchyard-cached': components['headers']['SwitchyardCached'];
          'x-switchyard-retry-count': components['headers']['SwitchyardRetryCount'];
          'x-switchyard-cost': components['headers']['SwitchyardCost'];
          [name: string]: unknown;
        };
        content: {
          'audio/*': string;
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      402: components['responses']['OpenAIError402_insufficient_quota'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found_model_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      502: components['responses']['OpenAIError502_upstream_error'];
      503: components['responses']['OpenAIError503_service_unavailable_channels_unavailable'];
      504: components['responses']['OpenAIError504_upstream_timeout'];
      default: components['responses']['OpenAIErrorDefault_upstream_error'];
    };
  };
  createTranscription: {
    parameters: {
      query?: never;
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
        'x-switchyard-cache'?: components['parameters']['CacheHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description The audio, at most 26214400 bytes
           */
          file: string;
          model: string;
          /**
           * @description `json` unless said otherwise
           * @enum {string}
           */
          response_format?: 'json' | 'text' | 'srt' | 'verbose_json' | 'vtt';
          /** @description ISO-639-1 */
          language?: string;
          prompt?: string;
          temperature?: number;
          'timestamp_granularities[]'?: ('word' | 'segment')[];
        } & {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description The transcript: JSON for `json` and `verbose_json`, text as the upstream sent it for `text`, `srt` and `vtt` (then `_routing` is in the headers only) */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-channel-id': components['headers']['SwitchyardChannelId'];
          'x-switchyard-channel-name': components['headers']['SwitchyardChannelName'];
          'x-switchyard-channel-provider': components['headers']['SwitchyardChannelProvider'];
          'x-switchyard-channel-type': components['headers']['SwitchyardChannelType'];
          'x-switchyard-cached': components['headers']['SwitchyardCached'];
          'x-switchyard-retry-count': components['headers']['SwitchyardRetryCount'];
          'x-switchyard-cost': components['headers']['SwitchyardCost'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "text": "Hello there.",
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['Transcription'];
          /** @example Hello there. */
          'text/plain': string;
          /**
           * @example WEBVTT
           *
           *     00:00:00.000 --> 00:00:01.200
           *     Hello there.
           */
          'text/vtt': string;
          /**
           * @example 1
           *     00:00:00,000 --> 00:00:01,200
           *     Hello there.
           */
          'application/x-subrip': string;
        };
      };
      400: components['responses']['OpenAIError400_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      402: components['responses']['OpenAIError402_insufficient_quota'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found_model_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      502: components['responses']['OpenAIError502_upstream_error'];
      503: components['responses']['OpenAIError503_service_unavailable_channels_unavailable'];
      504: components['responses']['OpenAIError504_upstream_timeout'];
      default: components['responses']['OpenAIErrorDefault_upstream_error'];
    };
  };
  rerank: {
    parameters: {
      query?: never;
      header?: {
        /** @description Only this kind of channel serves this request, whatever the caller's routing policy (case-insensitive) */
        'x-switchyard-channel-type'?: components['parameters']['ChannelTypeHeader'];
        /** @description Look the answer up in (and store it to) the response cache: `on` for a deterministic request (embeddings, or chat with `temperature: 0` or a `seed`), `off` to bypass a channel that caches by default */
        'x-switchyard-cache'?: components['parameters']['CacheHeader'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "rerank-v3.5",
         *       "query": "capital of France",
         *       "documents": [
         *         "Paris is in France",
         *         "Berlin is in Germany"
         *       ],
         *       "top_n": 1
         *     }
         */
        'application/json': components['schemas']['RerankBody'];
      };
    };
    responses: {
      /** @description The documents by relevance */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-channel-id': components['headers']['SwitchyardChannelId'];
          'x-switchyard-channel-name': components['headers']['SwitchyardChannelName'];
          'x-switchyard-channel-provider': components['headers']['SwitchyardChannelProvider'];
          'x-switchyard-channel-type': components['headers']['SwitchyardChannelType'];
          'x-switchyard-cached': components['headers']['SwitchyardCached'];
          'x-switchyard-retry-count': components['headers']['SwitchyardRetryCount'];
          'x-switchyard-cost': components['headers']['SwitchyardCost'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "rerank-8e1f",
           *       "model": "rerank-v3.5",
           *       "results": [
           *         {
           *           "index": 0,
           *           "relevance_score": 0.98
           *         }
           *       ],
           *       "usage": {
           *         "total_tokens": 12,
           *         "cost": 0.000024
           *       },
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['RerankResponse'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter_upstream_error'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      402: components['responses']['OpenAIError402_insufficient_quota'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found_model_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      502: components['responses']['OpenAIError502_upstream_error'];
      503: components['responses']['OpenAIError503_service_unavailable_channels_unavailable'];
      504: components['responses']['OpenAIError504_upstream_timeout'];
      default: components['responses']['OpenAIErrorDefault_upstream_error'];
    };
  };
  createVideoGeneration: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "mock-video",
         *       "prompt": "A drone shot over a foggy forest"
         *     }
         */
        'application/json': components['schemas']['GenerationBody'];
      };
    };
    responses: {
      /** @description The queued task */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "task_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "video.generation",
           *       "status": "queued",
           *       "model": "mock-video",
           *       "created_at": 1764720000,
           *       "completed_at": null,
           *       "progress": null,
           *       "result": null,
           *       "error": null,
           *       "_routing": null
           *     }
           */
          'application/json': components['schemas']['GenerationTask'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getVideoGeneration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A generation task id
         * @example task_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        task_id: components['parameters']['TaskId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "task_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "video.generation",
           *       "status": "succeeded",
           *       "model": "mock-video",
           *       "created_at": 1764720000,
           *       "completed_at": 1764720095,
           *       "progress": 100,
           *       "result": {
           *         "files": [
           *           {
           *             "file_id": "file-7hG2aB2cD4eF6gH8iJ0kL2mN",
           *             "url": "/v1/files/file-7hG2aB2cD4eF6gH8iJ0kL2mN/content",
           *             "media_type": "video/mp4",
           *             "bytes": 1843200
           *           }
           *         ]
           *       },
           *       "error": null,
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['GenerationTask'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  createMusicGeneration: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "mock-music",
         *       "prompt": "A calm piano piece"
         *     }
         */
        'application/json': components['schemas']['GenerationBody'];
      };
    };
    responses: {
      /** @description The queued task */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "task_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "music.generation",
           *       "status": "queued",
           *       "model": "mock-music",
           *       "created_at": 1764720000,
           *       "completed_at": null,
           *       "progress": null,
           *       "result": null,
           *       "error": null,
           *       "_routing": null
           *     }
           */
          'application/json': components['schemas']['GenerationTask'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getMusicGeneration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A generation task id
         * @example task_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        task_id: components['parameters']['TaskId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "task_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "music.generation",
           *       "status": "succeeded",
           *       "model": "mock-music",
           *       "created_at": 1764720000,
           *       "completed_at": 1764720095,
           *       "progress": 100,
           *       "result": {
           *         "files": [
           *           {
           *             "file_id": "file-7hG2aB2cD4eF6gH8iJ0kL2mN",
           *             "url": "/v1/files/file-7hG2aB2cD4eF6gH8iJ0kL2mN/content",
           *             "media_type": "video/mp4",
           *             "bytes": 1843200
           *           }
           *         ]
           *       },
           *       "error": null,
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['GenerationTask'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  createThreeDGeneration: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "model": "mock-3d",
         *       "prompt": "A low-poly fox"
         *     }
         */
        'application/json': components['schemas']['GenerationBody'];
      };
    };
    responses: {
      /** @description The queued task */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "task_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "3d.generation",
           *       "status": "queued",
           *       "model": "mock-3d",
           *       "created_at": 1764720000,
           *       "completed_at": null,
           *       "progress": null,
           *       "result": null,
           *       "error": null,
           *       "_routing": null
           *     }
           */
          'application/json': components['schemas']['GenerationTask'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getThreeDGeneration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A generation task id
         * @example task_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        task_id: components['parameters']['TaskId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The task */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "task_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "3d.generation",
           *       "status": "succeeded",
           *       "model": "mock-3d",
           *       "created_at": 1764720000,
           *       "completed_at": 1764720095,
           *       "progress": 100,
           *       "result": {
           *         "files": [
           *           {
           *             "file_id": "file-7hG2aB2cD4eF6gH8iJ0kL2mN",
           *             "url": "/v1/files/file-7hG2aB2cD4eF6gH8iJ0kL2mN/content",
           *             "media_type": "video/mp4",
           *             "bytes": 1843200
           *           }
           *         ]
           *       },
           *       "error": null,
           *       "_routing": {
           *         "channel": {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "platform channel",
           *           "provider": "openai",
           *           "channelType": "PLATFORM"
           *         },
           *         "cached": false,
           *         "retryCount": 0,
           *         "attempts": [
           *           {
           *             "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "channel_name": "platform channel",
           *             "channel_type": "PLATFORM",
           *             "status": 200,
           *             "latency_ms": 412,
           *             "error_code": null
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['GenerationTask'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listFiles: {
    parameters: {
      query?: {
        /** @description `true` (as Anthropic's SDK sends it on beta paths) selects Anthropic's Files API */
        beta?: components['parameters']['AnthropicBetaQuery'];
        /** @description Page size: at most 100 in OpenAI mode, 1000 in Anthropic mode (default 20) */
        limit?: number;
        /** @description OpenAI mode: only files of this purpose */
        purpose?: string;
        /** @description OpenAI mode: `desc` (default) or `asc` */
        order?: 'asc' | 'desc';
        /** @description OpenAI mode: the page after this file id */
        after?: string;
        /** @description Anthropic mode: the page after this file id */
        after_id?: string;
        /** @description Anthropic mode: `next_page` of the previous page */
        page?: string;
        /** @description Anthropic mode: the page before this file id */
        before_id?: string;
      };
      header?: {
        /**
         * @description Anthropic's API version, as Anthropic's clients send it; on `/v1/files` it selects Anthropic's Files API
         * @example 2023-06-01
         */
        'anthropic-version'?: components['parameters']['AnthropicVersion'];
        /**
         * @description Anthropic beta flags, comma-separated; `files-api-2025-04-14` selects Anthropic's Files API on `/v1/files`
         * @example files-api-2025-04-14
         */
        'anthropic-beta'?: components['parameters']['AnthropicBeta'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of files */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FileList'] | components['schemas']['AnthropicFileList'];
        };
      };
      400: components['responses']['FilesError400_invalid_value'];
      401: components['responses']['FilesError401_invalid_api_key'];
      403: components['responses']['FilesError403_AUTH_1015'];
      414: components['responses']['FilesError414_request_too_large'];
      429: components['responses']['FilesError429_rate_limit_exceeded'];
      431: components['responses']['FilesError431_request_too_large'];
      500: components['responses']['FilesError500_internal_error'];
      503: components['responses']['FilesError503_service_unavailable'];
    };
  };
  uploadFile: {
    parameters: {
      query?: {
        /** @description `true` (as Anthropic's SDK sends it on beta paths) selects Anthropic's Files API */
        beta?: components['parameters']['AnthropicBetaQuery'];
      };
      header?: {
        /**
         * @description Anthropic's API version, as Anthropic's clients send it; on `/v1/files` it selects Anthropic's Files API
         * @example 2023-06-01
         */
        'anthropic-version'?: components['parameters']['AnthropicVersion'];
        /**
         * @description Anthropic beta flags, comma-separated; `files-api-2025-04-14` selects Anthropic's Files API on `/v1/files`
         * @example files-api-2025-04-14
         */
        'anthropic-beta'?: components['parameters']['AnthropicBeta'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: binary
           * @description The bytes, at most 110100480
           */
          file: string;
          /**
           * @description Required in OpenAI mode; anything else is `VALIDATION_4007`
           * @enum {string}
           */
          purpose?: 'batch' | 'user_data' | 'vision';
          /** @enum {string} */
          'expires_after[anchor]'?: 'created_at';
          /** @description Seconds after creation the file expires */
          'expires_after[seconds]'?: number;
          /** @description The image model an image reference file is for (default `gpt-image-2`) */
          model?: string;
        };
      };
    };
    responses: {
      /** @description The file */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['File'] | components['schemas']['AnthropicFile'];
        };
      };
      400: components['responses']['FilesError400_invalid_value_missing_required_parameter_VALIDATION_4007_INFERENCE_3303'];
      401: components['responses']['FilesError401_invalid_api_key'];
      403: components['responses']['FilesError403_AUTH_1015_permission_denied'];
      413: components['responses']['FilesError413_request_too_large_VALIDATION_4016'];
      414: components['responses']['FilesError414_request_too_large'];
      415: components['responses']['FilesError415_invalid_value'];
      429: components['responses']['FilesError429_rate_limit_exceeded'];
      431: components['responses']['FilesError431_request_too_large'];
      500: components['responses']['FilesError500_internal_error'];
      502: components['responses']['FilesError502_upstream_error'];
      503: components['responses']['FilesError503_service_unavailable_channels_unavailable'];
      504: components['responses']['FilesError504_upstream_timeout'];
      default: components['responses']['FilesErrorDefault_upstream_error'];
    };
  };
  getFile: {
    parameters: {
      query?: {
        /** @description `true` (as Anthropic's SDK sends it on beta paths) selects Anthropic's Files API */
        beta?: components['parameters']['AnthropicBetaQuery'];
      };
      header?: {
        /**
         * @description Anthropic's API version, as Anthropic's clients send it; on `/v1/files` it selects Anthropic's Files API
         * @example 2023-06-01
         */
        'anthropic-version'?: components['parameters']['AnthropicVersion'];
        /**
         * @description Anthropic beta flags, comma-separated; `files-api-2025-04-14` selects Anthropic's Files API on `/v1/files`
         * @example files-api-2025-04-14
         */
        'anthropic-beta'?: components['parameters']['AnthropicBeta'];
      };
      path: {
        /**
         * @description A file id: `file-…` (OpenAI mode) or `file_…` (Anthropic mode)
         * @example file-3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        file_id: components['parameters']['FileId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['File'] | components['schemas']['AnthropicFile'];
        };
      };
      400: components['responses']['FilesError400_invalid_value'];
      401: components['responses']['FilesError401_invalid_api_key'];
      403: components['responses']['FilesError403_AUTH_1015'];
      404: components['responses']['FilesError404_INFERENCE_3302'];
      414: components['responses']['FilesError414_request_too_large'];
      429: components['responses']['FilesError429_rate_limit_exceeded'];
      431: components['responses']['FilesError431_request_too_large'];
      500: components['responses']['FilesError500_internal_error'];
      503: components['responses']['FilesError503_service_unavailable'];
    };
  };
  deleteFile: {
    parameters: {
      query?: {
        /** @description `true` (as Anthropic's SDK sends it on beta paths) selects Anthropic's Files API */
        beta?: components['parameters']['AnthropicBetaQuery'];
      };
      header?: {
        /**
         * @description Anthropic's API version, as Anthropic's clients send it; on `/v1/files` it selects Anthropic's Files API
         * @example 2023-06-01
         */
        'anthropic-version'?: components['parameters']['AnthropicVersion'];
        /**
         * @description Anthropic beta flags, comma-separated; `files-api-2025-04-14` selects Anthropic's Files API on `/v1/files`
         * @example files-api-2025-04-14
         */
        'anthropic-beta'?: components['parameters']['AnthropicBeta'];
      };
      path: {
        /**
         * @description A file id: `file-…` (OpenAI mode) or `file_…` (Anthropic mode)
         * @example file-3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        file_id: components['parameters']['FileId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FileDeleted'] | components['schemas']['AnthropicFileDeleted'];
        };
      };
      400: components['responses']['FilesError400_invalid_value'];
      401: components['responses']['FilesError401_invalid_api_key'];
      403: components['responses']['FilesError403_AUTH_1015_permission_denied'];
      404: components['responses']['FilesError404_INFERENCE_3302'];
      414: components['responses']['FilesError414_request_too_large'];
      429: components['responses']['FilesError429_rate_limit_exceeded'];
      431: components['responses']['FilesError431_request_too_large'];
      500: components['responses']['FilesError500_internal_error'];
      502: components['responses']['FilesError502_upstream_error'];
      503: components['responses']['FilesError503_service_unavailable'];
      504: components['responses']['FilesError504_upstream_timeout'];
      default: components['responses']['FilesErrorDefault_upstream_error'];
    };
  };
  downloadFile: {
    parameters: {
      query?: {
        /** @description `true` (as Anthropic's SDK sends it on beta paths) selects Anthropic's Files API */
        beta?: components['parameters']['AnthropicBetaQuery'];
      };
      header?: {
        /**
         * @description Anthropic's API version, as Anthropic's clients send it; on `/v1/files` it selects Anthropic's Files API
         * @example 2023-06-01
         */
        'anthropic-version'?: components['parameters']['AnthropicVersion'];
        /**
         * @description Anthropic beta flags, comma-separated; `files-api-2025-04-14` selects Anthropic's Files API on `/v1/files`
         * @example files-api-2025-04-14
         */
        'anthropic-beta'?: components['parameters']['AnthropicBeta'];
        /**
         * @description One byte range
         * @example bytes=0-1023
         */
        Range?: string;
      };
      path: {
        /**
         * @description A file id: `file-…` (OpenAI mode) or `file_…` (Anthropic mode)
         * @example file-3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        file_id: components['parameters']['FileId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The whole file, in its media type */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'Accept-Ranges': components['headers']['AcceptRanges'];
          'Content-Disposition': components['headers']['ContentDisposition'];
          [name: string]: unknown;
        };
        content: {
          '*/*': string;
        };
      };
      /** @description The range asked for */
      206: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'Accept-Ranges': components['headers']['AcceptRanges'];
          'Content-Disposition': components['headers']['ContentDisposition'];
          'Content-Range': components['headers']['ContentRange'];
          [name: string]: unknown;
        };
        content: {
          '*/*': string;
        };
      };
      400: components['responses']['FilesError400_invalid_value'];
      401: components['responses']['FilesError401_invalid_api_key'];
      403: components['responses']['FilesError403_AUTH_1015'];
      404: components['responses']['FilesError404_INFERENCE_3302'];
      414: components['responses']['FilesError414_request_too_large'];
      /** @description The range lies outside the file (empty body) */
      416: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'Accept-Ranges': components['headers']['AcceptRanges'];
          'Content-Range': components['headers']['ContentRange'];
          [name: string]: unknown;
        };
        content?: never;
      };
      429: components['responses']['FilesError429_rate_limit_exceeded'];
      431: components['responses']['FilesError431_request_too_large'];
      500: components['responses']['FilesError500_internal_error'];
      503: components['responses']['FilesError503_service_unavailable'];
    };
  };
  listBatches: {
    parameters: {
      query?: {
        /** @description Page size (default 20) */
        limit?: number;
        /** @description The page after this id (the last id of the previous page) */
        after?: components['parameters']['After'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of batches, newest first */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "id": "batch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "object": "batch",
           *           "endpoint": "/v1/chat/completions",
           *           "model": "gpt-4o-mini",
           *           "errors": null,
           *           "input_file_id": "file-3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "completion_window": "24h",
           *           "status": "in_progress",
           *           "output_file_id": null,
           *           "error_file_id": null,
           *           "created_at": 1764720000,
           *           "in_progress_at": 1764720002,
           *           "expires_at": 1764806400,
           *           "finalizing_at": null,
           *           "completed_at": null,
           *           "failed_at": null,
           *           "expired_at": null,
           *           "cancelling_at": null,
           *           "cancelled_at": null,
           *           "request_counts": {
           *             "total": 100,
           *             "completed": 42,
           *             "failed": 0
           *           },
           *           "metadata": {
           *             "project": "eval"
           *           }
           *         }
           *       ],
           *       "first_id": "batch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "last_id": "batch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "has_more": false
           *     }
           */
          'application/json': components['schemas']['BatchList'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  createBatch: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "input_file_id": "file-3kF9aB2cD4eF6gH8iJ0kL2mN",
         *       "endpoint": "/v1/chat/completions",
         *       "completion_window": "24h",
         *       "metadata": {
         *         "project": "eval"
         *       }
         *     }
         */
        'application/json': components['schemas']['CreateBatchBody'];
      };
    };
    responses: {
      /** @description The batch, `validating` */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "batch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "batch",
           *       "endpoint": "/v1/chat/completions",
           *       "model": "gpt-4o-mini",
           *       "errors": null,
           *       "input_file_id": "file-3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "completion_window": "24h",
           *       "status": "validating",
           *       "output_file_id": null,
           *       "error_file_id": null,
           *       "created_at": 1764720000,
           *       "in_progress_at": null,
           *       "expires_at": 1764806400,
           *       "finalizing_at": null,
           *       "completed_at": null,
           *       "failed_at": null,
           *       "expired_at": null,
           *       "cancelling_at": null,
           *       "cancelled_at": null,
           *       "request_counts": {
           *         "total": 100,
           *         "completed": 42,
           *         "failed": 0
           *       },
           *       "metadata": {
           *         "project": "eval"
           *       }
           *     }
           */
          'application/json': components['schemas']['Batch'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_INFERENCE_3302'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A batch id
         * @example batch_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        batch_id: components['parameters']['BatchId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The batch */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "batch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "batch",
           *       "endpoint": "/v1/chat/completions",
           *       "model": "gpt-4o-mini",
           *       "errors": null,
           *       "input_file_id": "file-3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "completion_window": "24h",
           *       "status": "in_progress",
           *       "output_file_id": null,
           *       "error_file_id": null,
           *       "created_at": 1764720000,
           *       "in_progress_at": 1764720002,
           *       "expires_at": 1764806400,
           *       "finalizing_at": null,
           *       "completed_at": null,
           *       "failed_at": null,
           *       "expired_at": null,
           *       "cancelling_at": null,
           *       "cancelled_at": null,
           *       "request_counts": {
           *         "total": 100,
           *         "completed": 42,
           *         "failed": 0
           *       },
           *       "metadata": {
           *         "project": "eval"
           *       }
           *     }
           */
          'application/json': components['schemas']['Batch'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  cancelBatch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A batch id
         * @example batch_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        batch_id: components['parameters']['BatchId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The batch, `cancelling` or `cancelled` */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "batch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "batch",
           *       "endpoint": "/v1/chat/completions",
           *       "model": "gpt-4o-mini",
           *       "errors": null,
           *       "input_file_id": "file-3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "completion_window": "24h",
           *       "status": "cancelling",
           *       "output_file_id": null,
           *       "error_file_id": null,
           *       "created_at": 1764720000,
           *       "in_progress_at": 1764720002,
           *       "expires_at": 1764806400,
           *       "finalizing_at": null,
           *       "completed_at": null,
           *       "failed_at": null,
           *       "expired_at": null,
           *       "cancelling_at": 1764720060,
           *       "cancelled_at": null,
           *       "request_counts": {
           *         "total": 100,
           *         "completed": 42,
           *         "failed": 0
           *       },
           *       "metadata": {
           *         "project": "eval"
           *       }
           *     }
           */
          'application/json': components['schemas']['Batch'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      409: components['responses']['OpenAIError409_conflict'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listModels: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The models */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "id": "gpt-4o-mini",
           *           "object": "model",
           *           "created": 0,
           *           "owned_by": "openai",
           *           "type": "chat",
           *           "endpoints": [
           *             "/v1/chat/completions",
           *             "/v1/completions",
           *             "/v1/responses",
           *             "/v1/messages",
           *             "/v1beta/models:generateContent"
           *           ],
           *           "context_window": null,
           *           "pricing": {
           *             "input_per_million": 0.15,
           *             "output_per_million": 0.6,
           *             "cached_input_per_million": 0.075,
           *             "per_image": null,
           *             "per_audio_second": null,
           *             "per_call": null
           *           }
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['ModelList'];
        };
      };
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getModel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A model id; it may contain `/` (`vendor/model`), sent as is: the id spans path segments
         * @example mock-gpt
         */
        model: components['parameters']['Model'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The model */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "gpt-4o-mini",
           *       "object": "model",
           *       "created": 0,
           *       "owned_by": "openai",
           *       "type": "chat",
           *       "endpoints": [
           *         "/v1/chat/completions",
           *         "/v1/completions",
           *         "/v1/responses",
           *         "/v1/messages",
           *         "/v1beta/models:generateContent"
           *       ],
           *       "context_window": null,
           *       "pricing": {
           *         "input_per_million": 0.15,
           *         "output_per_million": 0.6,
           *         "cached_input_per_million": 0.075,
           *         "per_image": null,
           *         "per_audio_second": null,
           *         "per_call": null
           *       }
           *     }
           */
          'application/json': components['schemas']['Model'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015'];
      404: components['responses']['OpenAIError404_model_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listUsage: {
    parameters: {
      query?: {
        /**
         * @description From this time, inclusive: unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        from?: string;
        /**
         * @description Until this time, exclusive: unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        to?: string;
        /** @description Only this model */
        model?: string;
        /** @description Only this batch's lines */
        batch_id?: string;
        /** @description Page size (default 20) */
        limit?: number;
        /** @description The page after this id (the last id of the previous page) */
        after?: components['parameters']['After'];
        /** @description `json` (default): a page of records. `csv`: every record of the filters as a `text/csv` download, newest first, at most 100,000 rows (`x-switchyard-export-truncated` says whether it was cut); `limit` and `after` do not apply */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of records, or the CSV export */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-export-truncated': components['headers']['SwitchyardExportTruncated'];
          'Content-Disposition': components['headers']['ContentDisposition'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "balance": 24.99,
           *       "data": [
           *         {
           *           "request_id": "req_3f9a1c0b7d2e4f6a00000001",
           *           "user_id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "model": "gpt-4o-mini",
           *           "endpoint": "/v1/chat/completions",
           *           "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "channel_type": "PLATFORM",
           *           "prompt_tokens": 9,
           *           "completion_tokens": 7,
           *           "cached_tokens": 0,
           *           "cache_write_tokens": 0,
           *           "reasoning_tokens": 0,
           *           "images": 0,
           *           "audio_seconds": 0,
           *           "cost": 0.0000056,
           *           "estimated": false,
           *           "cached": false,
           *           "batch_id": null,
           *           "created_at": 1764720000
           *         }
           *       ],
           *       "has_more": false
           *     }
           */
          'application/json': components['schemas']['UsageList'];
          /**
           * @example created_at,request_id,user_id,model,endpoint,channel_id,channel_type,prompt_tokens,completion_tokens,cached_tokens,cache_write_tokens,reasoning_tokens,cost,batch_id
           *     2025-12-03T10:15:02.418Z,req_3f9a1c0b7d2e4f6a00000001,usr_8c1d2e3f4a5b6c7d,gpt-4o-mini,/v1/chat/completions,ch_openai_1,PLATFORM,1200,340,0,0,0,0.000384000,
           */
          'text/csv': string;
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getDailyUsage: {
    parameters: {
      query?: {
        /**
         * @description From this time, inclusive: unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        from?: string;
        /**
         * @description Until this time, exclusive: unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        to?: string;
        /** @description Only this model */
        model?: string;
        /** @description Only this batch's lines */
        batch_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Totals per UTC day */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "object": "usage.day",
           *           "date": "2025-12-03",
           *           "requests": 120,
           *           "prompt_tokens": 10400,
           *           "completion_tokens": 8800,
           *           "cost": 0.00684
           *         }
           *       ],
           *       "totals": {
           *         "requests": 120,
           *         "prompt_tokens": 10400,
           *         "completion_tokens": 8800,
           *         "cost": 0.00684
           *       }
           *     }
           */
          'application/json': components['schemas']['UsageDaily'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getUsageSummary: {
    parameters: {
      query?: {
        /**
         * @description From this time, rounded down to a whole UTC hour (`hour`) or day (`day`) (default: `to` minus 30 days, or 24 hours for `hour`): unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        from?: string;
        /**
         * @description Until this time, exclusive, rounded up to a whole UTC hour or day (default: now): unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        to?: string;
        /** @description Bucket size: UTC hours (range up to 31 days) or whole UTC days (up to 400 days, after rounding out) */
        granularity?: 'hour' | 'day';
        /** @description Split the series by */
        group_by?: 'none' | 'model' | 'channel_type';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The summary */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "usage.summary",
           *       "granularity": "day",
           *       "from": 1764633600,
           *       "to": 1764806400,
           *       "group_by": "model",
           *       "totals": {
           *         "requests": 130,
           *         "prompt_tokens": 11400,
           *         "completion_tokens": 9100,
           *         "cost": 0.00734
           *       },
           *       "series": [
           *         {
           *           "start": 1764633600,
           *           "group": "gpt-4o-mini",
           *           "requests": 10,
           *           "prompt_tokens": 1000,
           *           "completion_tokens": 300,
           *           "cost": 0.0005
           *         },
           *         {
           *           "start": 1764720000,
           *           "group": "gpt-4o-mini",
           *           "requests": 120,
           *           "prompt_tokens": 10400,
           *           "completion_tokens": 8800,
           *           "cost": 0.00684
           *         }
           *       ],
           *       "groups": [
           *         {
           *           "group": "gpt-4o-mini",
           *           "requests": 130,
           *           "cost": 0.00734
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['UsageSummary'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getRoutingPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The policy (`byok_first` unless set) */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "routing_policy",
           *       "policy": "byok_first"
           *     }
           */
          'application/json': components['schemas']['RoutingPolicy'];
        };
      };
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  setRoutingPolicy: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "policy": "platform_first"
         *     }
         */
        'application/json': components['schemas']['SetRoutingPolicyBody'];
      };
    };
    responses: {
      /** @description The policy */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "routing_policy",
           *       "policy": "platform_first"
           *     }
           */
          'application/json': components['schemas']['RoutingPolicy'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "api_key": "sk-sy-4f2a9c1e…"
         *     }
         */
        'application/json': components['schemas']['SignInBody'];
      };
    };
    responses: {
      /** @description Signed in */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'set-cookie': components['headers']['SetSessionCookie'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "session",
           *       "user": {
           *         "id": "usr_3kF9aB2c",
           *         "name": "admin",
           *         "email": null,
           *         "role": "admin"
           *       },
           *       "scopes": [
           *         "inference",
           *         "usage:read",
           *         "admin"
           *       ],
           *       "method": "api_key",
           *       "expires_at": 1764810000
           *     }
           */
          'application/json': components['schemas']['Session'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_credentials'];
      403: components['responses']['OpenAIError403_permission_denied'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The session */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "session",
           *       "user": {
           *         "id": "usr_3kF9aB2c",
           *         "name": "admin",
           *         "email": null,
           *         "role": "admin"
           *       },
           *       "scopes": [
           *         "inference",
           *         "usage:read",
           *         "admin"
           *       ],
           *       "method": "api_key",
           *       "expires_at": 1764810000
           *     }
           */
          'application/json': components['schemas']['Session'];
        };
      };
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out */
      204: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'set-cookie': components['headers']['SetSessionCookie'];
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getSignInMethods: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ways in */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "password": true,
           *       "oidc": {
           *         "enabled": false,
           *         "start_url": "/auth/oidc/start"
           *       }
           *     }
           */
          'application/json': components['schemas']['SignInMethods'];
        };
      };
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
    };
  };
  listSessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The sessions */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "id": "ses_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "object": "session.summary",
           *           "method": "api_key",
           *           "created_at": 1764720000,
           *           "last_seen_at": 1764720600,
           *           "expires_at": 1764727800,
           *           "ip": "203.0.113.7",
           *           "user_agent": "Mozilla/5.0",
           *           "current": true
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['SessionList'];
        };
      };
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  revokeSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A console session id
         * @example ses_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        session_id: components['parameters']['SessionId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  revokeAllSessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out everywhere */
      204: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'set-cookie': components['headers']['SetSessionCookie'];
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getAccount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The account */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "account",
           *       "user": {
           *         "id": "usr_3kF9aB2c",
           *         "name": "Ada",
           *         "email": "ada@example.com",
           *         "role": "user"
           *       },
           *       "balance": 24.99,
           *       "debt": 0,
           *       "rate_limit": 60
           *     }
           */
          'application/json': components['schemas']['Account'];
        };
      };
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listOwnKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The keys */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "id": "key_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "object": "api_key",
           *           "name": "laptop",
           *           "scopes": [
           *             "inference"
           *           ],
           *           "prefix": "sk-sy-4f2a",
           *           "created_at": 1764720000,
           *           "revoked_at": null,
           *           "last_used_at": null
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['ApiKeyList'];
        };
      };
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  createOwnKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        /**
         * @example {
         *       "name": "laptop",
         *       "scopes": [
         *         "inference"
         *       ]
         *     }
         */
        'application/json': components['schemas']['CreateKeyBody'];
      };
    };
    responses: {
      /** @description The key, with its secret */
      201: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "key_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "api_key",
           *       "name": "laptop",
           *       "scopes": [
           *         "inference"
           *       ],
           *       "prefix": "sk-sy-4f2a",
           *       "created_at": 1764720000,
           *       "revoked_at": null,
           *       "last_used_at": null,
           *       "key": "sk-sy-4f2a9c1e…"
           *     }
           */
          'application/json': components['schemas']['CreatedApiKey'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  revokeOwnKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description An API key id
         * @example key_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        key_id: components['parameters']['KeyId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The revoked key */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "key_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "api_key",
           *       "name": "laptop",
           *       "scopes": [
           *         "inference"
           *       ],
           *       "prefix": "sk-sy-4f2a",
           *       "created_at": 1764720000,
           *       "revoked_at": 1764723600,
           *       "last_used_at": null
           *     }
           */
          'application/json': components['schemas']['ApiKey'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listChannels: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The channels */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "object": "channel",
           *           "name": "my openai key",
           *           "provider": "openai",
           *           "type": "PRIVATE",
           *           "base_url": "https://api.openai.com",
           *           "api_key_hint": "sk-...abcd",
           *           "models": [
           *             "gpt-4o-mini",
           *             "text-embedding-3-small"
           *           ],
           *           "model_mapping": {},
           *           "priority": 0,
           *           "weight": 1,
           *           "endpoints": [
           *             "/v1/chat/completions",
           *             "/v1/embeddings"
           *           ],
           *           "status": "enabled",
           *           "status_reason": null,
           *           "owner_user_id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "max_concurrency": null,
           *           "rpm_limit": null,
           *           "cache_ttl_seconds": null,
           *           "health": {
           *             "circuit": "closed",
           *             "recent_failures": 0
           *           },
           *           "created_at": 1764720000,
           *           "updated_at": 1764720000
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['ChannelList'];
        };
      };
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  createChannel: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "provider": "openai",
         *       "api_key": "sk-proj-…",
         *       "models": [
         *         "gpt-4o-mini"
         *       ],
         *       "priority": 0,
         *       "weight": 1
         *     }
         */
        'application/json': components['schemas']['CreateChannelBody'];
      };
    };
    responses: {
      /** @description The channel */
      201: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "channel",
           *       "name": "my openai key",
           *       "provider": "openai",
           *       "type": "PRIVATE",
           *       "base_url": "https://api.openai.com",
           *       "api_key_hint": "sk-...abcd",
           *       "models": [
           *         "gpt-4o-mini",
           *         "text-embedding-3-small"
           *       ],
           *       "model_mapping": {},
           *       "priority": 0,
           *       "weight": 1,
           *       "endpoints": [
           *         "/v1/chat/completions",
           *         "/v1/embeddings"
           *       ],
           *       "status": "enabled",
           *       "status_reason": null,
           *       "owner_user_id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "max_concurrency": null,
           *       "rpm_limit": null,
           *       "cache_ttl_seconds": null,
           *       "health": {
           *         "circuit": "closed",
           *         "recent_failures": 0
           *       },
           *       "created_at": 1764720000,
           *       "updated_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['Channel'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getChannel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A channel id
         * @example ch_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        channel_id: components['parameters']['ChannelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The channel */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "channel",
           *       "name": "my openai key",
           *       "provider": "openai",
           *       "type": "PRIVATE",
           *       "base_url": "https://api.openai.com",
           *       "api_key_hint": "sk-...abcd",
           *       "models": [
           *         "gpt-4o-mini",
           *         "text-embedding-3-small"
           *       ],
           *       "model_mapping": {},
           *       "priority": 0,
           *       "weight": 1,
           *       "endpoints": [
           *         "/v1/chat/completions",
           *         "/v1/embeddings"
           *       ],
           *       "status": "enabled",
           *       "status_reason": null,
           *       "owner_user_id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "max_concurrency": null,
           *       "rpm_limit": null,
           *       "cache_ttl_seconds": null,
           *       "health": {
           *         "circuit": "closed",
           *         "recent_failures": 0
           *       },
           *       "created_at": 1764720000,
           *       "updated_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['Channel'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  deleteChannel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A channel id
         * @example ch_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        channel_id: components['parameters']['ChannelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "channel.deleted",
           *       "deleted": true
           *     }
           */
          'application/json': components['schemas']['Deleted'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  updateChannel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A channel id
         * @example ch_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        channel_id: components['parameters']['ChannelId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "weight": 3,
         *       "status": "enabled"
         *     }
         */
        'application/json': components['schemas']['UpdateChannelBody'];
      };
    };
    responses: {
      /** @description The channel */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "channel",
           *       "name": "my openai key",
           *       "provider": "openai",
           *       "type": "PRIVATE",
           *       "base_url": "https://api.openai.com",
           *       "api_key_hint": "sk-...abcd",
           *       "models": [
           *         "gpt-4o-mini",
           *         "text-embedding-3-small"
           *       ],
           *       "model_mapping": {},
           *       "priority": 0,
           *       "weight": 3,
           *       "endpoints": [
           *         "/v1/chat/completions",
           *         "/v1/embeddings"
           *       ],
           *       "status": "enabled",
           *       "status_reason": null,
           *       "owner_user_id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "max_concurrency": null,
           *       "rpm_limit": null,
           *       "cache_ttl_seconds": null,
           *       "health": {
           *         "circuit": "closed",
           *         "recent_failures": 0
           *       },
           *       "created_at": 1764720000,
           *       "updated_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['Channel'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  testChannel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A channel id
         * @example ch_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        channel_id: components['parameters']['ChannelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description How the request went */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "channel.test",
           *       "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "model": "gpt-4o-mini",
           *       "endpoint": "/v1/chat/completions",
           *       "ok": true,
           *       "status": 200,
           *       "latency_ms": 388,
           *       "error": null,
           *       "channel_status": "enabled"
           *     }
           */
          'application/json': components['schemas']['ChannelTest'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_AUTH_1015_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listUsers: {
    parameters: {
      query?: {
        /** @description Text in the id, name or email */
        search?: string | null;
        /** @description Users per page */
        limit?: number;
        /** @description The page after this id (the last id of the previous page) */
        after?: components['parameters']['After'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of users */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "object": "user",
           *           "name": "Ada",
           *           "email": "ada@example.com",
           *           "role": "user",
           *           "disabled_at": null,
           *           "balance": 25,
           *           "debt": 0,
           *           "requests_per_minute": 60,
           *           "rate_limit_source": "role",
           *           "created_at": 1764720000
           *         }
           *       ],
           *       "has_more": false
           *     }
           */
          'application/json': components['schemas']['UserList'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  createUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "Ada",
         *       "role": "user",
         *       "credits": 25
         *     }
         */
        'application/json': components['schemas']['CreateUserBody'];
      };
    };
    responses: {
      /** @description The user */
      201: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "user",
           *       "name": "Ada",
           *       "email": "ada@example.com",
           *       "role": "user",
           *       "disabled_at": null,
           *       "balance": 25,
           *       "debt": 0,
           *       "requests_per_minute": 60,
           *       "rate_limit_source": "role",
           *       "created_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['User'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A user id
         * @example usr_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        user_id: components['parameters']['UserId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "user",
           *       "name": "Ada",
           *       "email": "ada@example.com",
           *       "role": "user",
           *       "disabled_at": null,
           *       "balance": 25,
           *       "debt": 0,
           *       "requests_per_minute": 60,
           *       "rate_limit_source": "role",
           *       "created_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['User'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  updateUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A user id
         * @example usr_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        user_id: components['parameters']['UserId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "role": "vip",
         *       "disabled": false
         *     }
         */
        'application/json': components['schemas']['UpdateUserBody'];
      };
    };
    responses: {
      /** @description The user */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "user",
           *       "name": "Ada",
           *       "email": "ada@example.com",
           *       "role": "vip",
           *       "disabled_at": null,
           *       "balance": 25,
           *       "debt": 0,
           *       "requests_per_minute": 60,
           *       "rate_limit_source": "role",
           *       "created_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['User'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      409: components['responses']['OpenAIError409_conflict'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listApiKeys: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A user id
         * @example usr_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        user_id: components['parameters']['UserId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The keys, without their secrets */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "id": "key_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "object": "api_key",
           *           "name": "laptop",
           *           "scopes": [
           *             "inference"
           *           ],
           *           "prefix": "sk-sy-4f2a",
           *           "created_at": 1764720000,
           *           "revoked_at": null,
           *           "last_used_at": null
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['ApiKeyList'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  createApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A user id
         * @example usr_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        user_id: components['parameters']['UserId'];
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        /**
         * @example {
         *       "name": "laptop",
         *       "scopes": [
         *         "inference"
         *       ]
         *     }
         */
        'application/json': components['schemas']['CreateKeyBody'];
      };
    };
    responses: {
      /** @description The key, with its secret */
      201: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "key_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "api_key",
           *       "name": "laptop",
           *       "scopes": [
           *         "inference"
           *       ],
           *       "prefix": "sk-sy-4f2a",
           *       "created_at": 1764720000,
           *       "revoked_at": null,
           *       "last_used_at": null,
           *       "key": "sk-sy-4f2a9c1e…"
           *     }
           */
          'application/json': components['schemas']['CreatedApiKey'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  revokeApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A user id
         * @example usr_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        user_id: components['parameters']['UserId'];
        /**
         * @description An API key id
         * @example key_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        key_id: components['parameters']['KeyId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The revoked key */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "key_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "api_key",
           *       "name": "laptop",
           *       "scopes": [
           *         "inference"
           *       ],
           *       "prefix": "sk-sy-4f2a",
           *       "created_at": 1764720000,
           *       "revoked_at": 1764723600,
           *       "last_used_at": null
           *     }
           */
          'application/json': components['schemas']['ApiKey'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  addCredit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A user id
         * @example usr_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        user_id: components['parameters']['UserId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "amount": 10
         *     }
         */
        'application/json': components['schemas']['AddCreditBody'];
      };
    };
    responses: {
      /** @description The user */
      201: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "user",
           *       "name": "Ada",
           *       "email": "ada@example.com",
           *       "role": "user",
           *       "disabled_at": null,
           *       "balance": 35,
           *       "debt": 0,
           *       "requests_per_minute": 60,
           *       "rate_limit_source": "role",
           *       "created_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['User'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  setUserRateLimit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A user id
         * @example usr_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        user_id: components['parameters']['UserId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "requests_per_minute": 600
         *     }
         */
        'application/json': components['schemas']['SetRateLimitBody'];
      };
    };
    responses: {
      /** @description The user */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "user",
           *       "name": "Ada",
           *       "email": "ada@example.com",
           *       "role": "user",
           *       "disabled_at": null,
           *       "balance": 25,
           *       "debt": 0,
           *       "requests_per_minute": 600,
           *       "rate_limit_source": "user",
           *       "created_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['User'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  clearUserRateLimit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A user id
         * @example usr_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        user_id: components['parameters']['UserId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "user",
           *       "name": "Ada",
           *       "email": "ada@example.com",
           *       "role": "user",
           *       "disabled_at": null,
           *       "balance": 25,
           *       "debt": 0,
           *       "requests_per_minute": 60,
           *       "rate_limit_source": "role",
           *       "created_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['User'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getLedger: {
    parameters: {
      query?: {
        /** @description Page size (default 20) */
        limit?: number;
        /** @description The page after this entry id */
        after?: string;
      };
      header?: never;
      path: {
        /**
         * @description A user id
         * @example usr_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        user_id: components['parameters']['UserId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Newest first */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "balance": 24.99,
           *       "data": [
           *         {
           *           "id": "42",
           *           "object": "ledger.entry",
           *           "amount": -0.0000056,
           *           "kind": "usage",
           *           "reference": "req_3f9a1c0b7d2e4f6a00000001",
           *           "created_at": 1764720000
           *         }
           *       ],
           *       "has_more": false
           *     }
           */
          'application/json': components['schemas']['Ledger'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listPrices: {
    parameters: {
      query?: {
        /** @description Page size (default 100) */
        limit?: number;
        /** @description The page after this model id (the last model of the previous page) */
        after?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of prices, by model id */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "model": "gpt-4o-mini",
           *           "object": "price",
           *           "input_per_million": 0.15,
           *           "output_per_million": 0.6,
           *           "cached_input_per_million": 0.075,
           *           "cache_write_input_per_million": null,
           *           "batch_discount": 0.5,
           *           "per_image": null,
           *           "per_audio_second": null,
           *           "per_call": null,
           *           "updated_at": 1764720000
           *         }
           *       ],
           *       "has_more": false
           *     }
           */
          'application/json': components['schemas']['PriceBook'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  setPrice: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A model id; it may contain `/` (`vendor/model`), sent as is: the id spans path segments
         * @example mock-gpt
         */
        model: components['parameters']['Model'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "input_per_million": 0.15,
         *       "output_per_million": 0.6,
         *       "cached_input_per_million": 0.075,
         *       "batch_discount": 0.5
         *     }
         */
        'application/json': components['schemas']['SetPriceBody'];
      };
    };
    responses: {
      /** @description The prices */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "model": "gpt-4o-mini",
           *       "object": "price",
           *       "input_per_million": 0.15,
           *       "output_per_million": 0.6,
           *       "cached_input_per_million": 0.075,
           *       "cache_write_input_per_million": null,
           *       "batch_discount": 0.5,
           *       "per_image": null,
           *       "per_audio_second": null,
           *       "per_call": null,
           *       "updated_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['Price'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listRoleRateLimits: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Requests per minute per role */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "object": "rate_limit",
           *           "role": "user",
           *           "requests_per_minute": 60
           *         },
           *         {
           *           "object": "rate_limit",
           *           "role": "admin",
           *           "requests_per_minute": null
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['RoleRateLimitList'];
        };
      };
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  setRoleRateLimit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A role
         * @example user
         */
        role: components['parameters']['Role'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "requests_per_minute": 120
         *     }
         */
        'application/json': components['schemas']['SetRateLimitBody'];
      };
    };
    responses: {
      /** @description The limit */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "rate_limit",
           *       "role": "user",
           *       "requests_per_minute": 120
           *     }
           */
          'application/json': components['schemas']['RoleRateLimit'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listAllUsage: {
    parameters: {
      query?: {
        /** @description Only this user's usage (default: every user's) */
        user_id?: string;
        /**
         * @description From this time, inclusive: unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        from?: string;
        /**
         * @description Until this time, exclusive: unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        to?: string;
        /** @description Only this model */
        model?: string;
        /** @description Only this batch's lines */
        batch_id?: string;
        /** @description Page size (default 20) */
        limit?: number;
        /** @description The page after this id (the last id of the previous page) */
        after?: components['parameters']['After'];
        /** @description `json` (default): a page of records. `csv`: every record of the filters as a `text/csv` download, newest first, at most 100,000 rows (`x-switchyard-export-truncated` says whether it was cut); `limit` and `after` do not apply */
        format?: 'json' | 'csv';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of records, newest first, or the CSV export */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          'x-switchyard-export-truncated': components['headers']['SwitchyardExportTruncated'];
          'Content-Disposition': components['headers']['ContentDisposition'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "balance": null,
           *       "data": [
           *         {
           *           "request_id": "req_3f9a1c0b7d2e4f6a00000001",
           *           "user_id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "model": "gpt-4o-mini",
           *           "endpoint": "/v1/chat/completions",
           *           "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "channel_type": "PLATFORM",
           *           "prompt_tokens": 9,
           *           "completion_tokens": 7,
           *           "cached_tokens": 0,
           *           "cache_write_tokens": 0,
           *           "reasoning_tokens": 0,
           *           "images": 0,
           *           "audio_seconds": 0,
           *           "cost": 0.0000056,
           *           "estimated": false,
           *           "cached": false,
           *           "batch_id": null,
           *           "created_at": 1764720000
           *         }
           *       ],
           *       "has_more": false
           *     }
           */
          'application/json': components['schemas']['UsageList'];
          /**
           * @example created_at,request_id,user_id,model,endpoint,channel_id,channel_type,prompt_tokens,completion_tokens,cached_tokens,cache_write_tokens,reasoning_tokens,cost,batch_id
           *     2025-12-03T10:15:02.418Z,req_3f9a1c0b7d2e4f6a00000001,usr_8c1d2e3f4a5b6c7d,gpt-4o-mini,/v1/chat/completions,ch_openai_1,PLATFORM,1200,340,0,0,0,0.000384000,
           */
          'text/csv': string;
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getAllDailyUsage: {
    parameters: {
      query?: {
        /** @description Only this user's usage (default: every user's) */
        user_id?: string;
        /**
         * @description From this time, inclusive: unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        from?: string;
        /**
         * @description Until this time, exclusive: unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        to?: string;
        /** @description Only this model */
        model?: string;
        /** @description Only this batch's lines */
        batch_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Totals per UTC day */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "object": "usage.day",
           *           "date": "2025-12-03",
           *           "requests": 120,
           *           "prompt_tokens": 10400,
           *           "completion_tokens": 8800,
           *           "cost": 0.00684
           *         }
           *       ],
           *       "totals": {
           *         "requests": 120,
           *         "prompt_tokens": 10400,
           *         "completion_tokens": 8800,
           *         "cost": 0.00684
           *       }
           *     }
           */
          'application/json': components['schemas']['UsageDaily'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getAllUsageSummary: {
    parameters: {
      query?: {
        /** @description Only this user's usage (default: every user's) */
        user_id?: string;
        /**
         * @description From this time, rounded down to a whole UTC hour (`hour`) or day (`day`) (default: `to` minus 30 days, or 24 hours for `hour`): unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        from?: string;
        /**
         * @description Until this time, exclusive, rounded up to a whole UTC hour or day (default: now): unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        to?: string;
        /** @description Bucket size: UTC hours (range up to 31 days) or whole UTC days (up to 400 days, after rounding out) */
        granularity?: 'hour' | 'day';
        /** @description Split the series by */
        group_by?: 'none' | 'model' | 'channel_type' | 'user' | 'channel';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The summary */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "usage.summary",
           *       "granularity": "day",
           *       "from": 1764633600,
           *       "to": 1764806400,
           *       "group_by": "model",
           *       "totals": {
           *         "requests": 130,
           *         "prompt_tokens": 11400,
           *         "completion_tokens": 9100,
           *         "cost": 0.00734
           *       },
           *       "series": [
           *         {
           *           "start": 1764633600,
           *           "group": "gpt-4o-mini",
           *           "requests": 10,
           *           "prompt_tokens": 1000,
           *           "completion_tokens": 300,
           *           "cost": 0.0005
           *         },
           *         {
           *           "start": 1764720000,
           *           "group": "gpt-4o-mini",
           *           "requests": 120,
           *           "prompt_tokens": 10400,
           *           "completion_tokens": 8800,
           *           "cost": 0.00684
           *         }
           *       ],
           *       "groups": [
           *         {
           *           "group": "gpt-4o-mini",
           *           "requests": 130,
           *           "cost": 0.00734
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['UsageSummary'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listTopSpenders: {
    parameters: {
      query?: {
        /**
         * @description From this time (default: 30 days before `to`): unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        from?: string;
        /**
         * @description Until this time, exclusive (default: now): unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        to?: string;
        /** @description How many users */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The users, highest spend first */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "user_id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "name": "Ada",
           *           "requests": 1200,
           *           "cost": 18.42
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['TopSpenders'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listAuditLog: {
    parameters: {
      query?: {
        /** @description Only actions by this user */
        actor_user_id?: string;
        /** @description Only this action, e.g. `credits.add` */
        action?: string;
        /** @description Only actions on this user, key, model, role or channel */
        target_id?: string;
        /**
         * @description From this time, inclusive: unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        from?: string;
        /**
         * @description Until this time, exclusive: unix seconds or an ISO 8601 date or date-time, 1970 to 9999
         * @example 2025-12-01
         */
        to?: string;
        /** @description Page size (default 20) */
        limit?: number;
        /** @description The page after this id (the last id of the previous page) */
        after?: components['parameters']['After'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of entries, newest first */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "id": "42",
           *           "object": "audit.entry",
           *           "created_at": 1764288000,
           *           "actor": {
           *             "user_id": "usr_admin",
           *             "key_id": "key_admin"
           *           },
           *           "action": "credits.add",
           *           "target": {
           *             "type": "user",
           *             "id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN"
           *           },
           *           "before": {
           *             "id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "object": "user",
           *             "name": "Ada",
           *             "email": "ada@example.com",
           *             "role": "user",
           *             "disabled_at": null,
           *             "balance": 0,
           *             "debt": 0,
           *             "requests_per_minute": 60,
           *             "rate_limit_source": "role",
           *             "created_at": 1764720000
           *           },
           *           "after": {
           *             "id": "usr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *             "object": "user",
           *             "name": "Ada",
           *             "email": "ada@example.com",
           *             "role": "user",
           *             "disabled_at": null,
           *             "balance": 25,
           *             "debt": 0,
           *             "requests_per_minute": 60,
           *             "rate_limit_source": "role",
           *             "created_at": 1764720000,
           *             "amount": 25
           *           },
           *           "caller_address": "203.0.113.7",
           *           "request_id": "req_5f0c2a9d1b7e4c3a8f6d2e10"
           *         }
           *       ],
           *       "has_more": false
           *     }
           */
          'application/json': components['schemas']['AuditLog'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  inviteUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A user id
         * @example usr_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        user_id: components['parameters']['UserId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "email": "ada@example.com"
         *     }
         */
        'application/json': components['schemas']['InviteBody'];
      };
    };
    responses: {
      /** @description The link to hand to the user */
      201: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "invite",
           *       "url": "/#/invite/Wk9rT2tLdnRrVnN4cW5fM0lqQ2pNY2R6b2J5N2tEZnE",
           *       "expires_at": 1764979200
           *     }
           */
          'application/json': components['schemas']['Invite'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      409: components['responses']['OpenAIError409_conflict'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  resetUserPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A user id
         * @example usr_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        user_id: components['parameters']['UserId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The link to hand to the user */
      201: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "invite",
           *       "url": "/#/invite/Wk9rT2tLdnRrVnN4cW5fM0lqQ2pNY2R6b2J5N2tEZnE",
           *       "expires_at": 1764979200
           *     }
           */
          'application/json': components['schemas']['Invite'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getInvite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The secret of the link (the end of its URL)
         * @example Wk9rT2tLdnRrVnN4cW5fM0lqQ2pNY2R6b2J5N2tEZnE
         */
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The link */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "invite",
           *       "email": "ada@example.com",
           *       "name": "Ada",
           *       "kind": "invite",
           *       "expires_at": 1764979200
           *     }
           */
          'application/json': components['schemas']['InviteDetails'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  acceptInvite: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The secret of the link (the end of its URL)
         * @example Wk9rT2tLdnRrVnN4cW5fM0lqQ2pNY2R6b2J5N2tEZnE
         */
        token: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "password": "Lovelace engine 1843"
         *     }
         */
        'application/json': components['schemas']['AcceptInviteBody'];
      };
    };
    responses: {
      /** @description Signed in */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'set-cookie': components['headers']['SetSessionCookie'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "session",
           *       "user": {
           *         "id": "usr_3kF9aB2c",
           *         "name": "Ada",
           *         "email": "ada@example.com",
           *         "role": "user"
           *       },
           *       "scopes": [
           *         "inference",
           *         "usage:read"
           *       ],
           *       "method": "password",
           *       "expires_at": 1764810000
           *     }
           */
          'application/json': components['schemas']['Session'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter_weak_password'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "current_password": "old correct horse",
         *       "new_password": "new Battery staple 9"
         *     }
         */
        'application/json': components['schemas']['ChangePasswordBody'];
      };
    };
    responses: {
      /** @description Changed */
      204: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter_weak_password'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  startSingleSignOn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the provider's sign-in page (or the console's, when the provider cannot be reached) */
      302: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          Location: components['headers']['Location'];
          [name: string]: unknown;
        };
        content?: never;
      };
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  finishSingleSignOn: {
    parameters: {
      query?: {
        /** @description The provider's authorization code */
        code?: string;
        /** @description The state the sign-in started with */
        state?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the console, signed in (with the session cookie), or to its sign-in page with the reason */
      302: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          Location: components['headers']['Location'];
          'set-cookie': components['headers']['SetSessionCookie'];
          [name: string]: unknown;
        };
        content?: never;
      };
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  listPlatformChannels: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The channels */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "list",
           *       "data": [
           *         {
           *           "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "object": "channel",
           *           "name": "openai main",
           *           "provider": "openai",
           *           "type": "PLATFORM",
           *           "base_url": "https://api.openai.com",
           *           "api_key_hint": "sk-...abcd",
           *           "models": [
           *             "gpt-4o-mini",
           *             "text-embedding-3-small"
           *           ],
           *           "model_mapping": {},
           *           "priority": 0,
           *           "weight": 1,
           *           "endpoints": [
           *             "/v1/chat/completions",
           *             "/v1/embeddings"
           *           ],
           *           "status": "enabled",
           *           "status_reason": null,
           *           "owner_user_id": null,
           *           "max_concurrency": null,
           *           "rpm_limit": null,
           *           "cache_ttl_seconds": null,
           *           "health": {
           *             "circuit": "closed",
           *             "recent_failures": 0
           *           },
           *           "created_at": 1764720000,
           *           "updated_at": 1764720000
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['ChannelList'];
        };
      };
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  createPlatformChannel: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "provider": "openai",
         *       "api_key": "sk-proj-…",
         *       "models": [
         *         "gpt-4o-mini"
         *       ],
         *       "priority": 0,
         *       "weight": 1
         *     }
         */
        'application/json': components['schemas']['CreateChannelBody'];
      };
    };
    responses: {
      /** @description The channel */
      201: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "channel",
           *       "name": "openai main",
           *       "provider": "openai",
           *       "type": "PLATFORM",
           *       "base_url": "https://api.openai.com",
           *       "api_key_hint": "sk-...abcd",
           *       "models": [
           *         "gpt-4o-mini",
           *         "text-embedding-3-small"
           *       ],
           *       "model_mapping": {},
           *       "priority": 0,
           *       "weight": 1,
           *       "endpoints": [
           *         "/v1/chat/completions",
           *         "/v1/embeddings"
           *       ],
           *       "status": "enabled",
           *       "status_reason": null,
           *       "owner_user_id": null,
           *       "max_concurrency": null,
           *       "rpm_limit": null,
           *       "cache_ttl_seconds": null,
           *       "health": {
           *         "circuit": "closed",
           *         "recent_failures": 0
           *       },
           *       "created_at": 1764720000,
           *       "updated_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['Channel'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getPlatformChannel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A channel id
         * @example ch_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        channel_id: components['parameters']['ChannelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The channel */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "channel",
           *       "name": "openai main",
           *       "provider": "openai",
           *       "type": "PLATFORM",
           *       "base_url": "https://api.openai.com",
           *       "api_key_hint": "sk-...abcd",
           *       "models": [
           *         "gpt-4o-mini",
           *         "text-embedding-3-small"
           *       ],
           *       "model_mapping": {},
           *       "priority": 0,
           *       "weight": 1,
           *       "endpoints": [
           *         "/v1/chat/completions",
           *         "/v1/embeddings"
           *       ],
           *       "status": "enabled",
           *       "status_reason": null,
           *       "owner_user_id": null,
           *       "max_concurrency": null,
           *       "rpm_limit": null,
           *       "cache_ttl_seconds": null,
           *       "health": {
           *         "circuit": "closed",
           *         "recent_failures": 0
           *       },
           *       "created_at": 1764720000,
           *       "updated_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['Channel'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  deletePlatformChannel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A channel id
         * @example ch_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        channel_id: components['parameters']['ChannelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "channel.deleted",
           *       "deleted": true
           *     }
           */
          'application/json': components['schemas']['Deleted'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  updatePlatformChannel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A channel id
         * @example ch_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        channel_id: components['parameters']['ChannelId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "weight": 3,
         *       "status": "enabled"
         *     }
         */
        'application/json': components['schemas']['UpdateChannelBody'];
      };
    };
    responses: {
      /** @description The channel */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "object": "channel",
           *       "name": "openai main",
           *       "provider": "openai",
           *       "type": "PLATFORM",
           *       "base_url": "https://api.openai.com",
           *       "api_key_hint": "sk-...abcd",
           *       "models": [
           *         "gpt-4o-mini",
           *         "text-embedding-3-small"
           *       ],
           *       "model_mapping": {},
           *       "priority": 0,
           *       "weight": 3,
           *       "endpoints": [
           *         "/v1/chat/completions",
           *         "/v1/embeddings"
           *       ],
           *       "status": "enabled",
           *       "status_reason": null,
           *       "owner_user_id": null,
           *       "max_concurrency": null,
           *       "rpm_limit": null,
           *       "cache_ttl_seconds": null,
           *       "health": {
           *         "circuit": "closed",
           *         "recent_failures": 0
           *       },
           *       "created_at": 1764720000,
           *       "updated_at": 1764720000
           *     }
           */
          'application/json': components['schemas']['Channel'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_json_invalid_value_missing_required_parameter'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      413: components['responses']['OpenAIError413_request_too_large'];
      414: components['responses']['OpenAIError414_request_too_large'];
      415: components['responses']['OpenAIError415_invalid_value'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  testPlatformChannel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A channel id
         * @example ch_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        channel_id: components['parameters']['ChannelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description How the request went */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "channel.test",
           *       "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "model": "gpt-4o-mini",
           *       "endpoint": "/v1/chat/completions",
           *       "ok": true,
           *       "status": 200,
           *       "latency_ms": 388,
           *       "error": null,
           *       "channel_status": "enabled"
           *     }
           */
          'application/json': components['schemas']['ChannelTest'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getPlatformChannelHealth: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description A channel id
         * @example ch_3kF9aB2cD4eF6gH8iJ0kL2mN
         */
        channel_id: components['parameters']['ChannelId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The health */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          'X-RateLimit-Limit': components['headers']['RateLimitLimit'];
          'X-RateLimit-Remaining': components['headers']['RateLimitRemaining'];
          'X-RateLimit-Reset': components['headers']['RateLimitReset'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "object": "channel.health",
           *       "channel_id": "ch_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *       "status": "auto_disabled",
           *       "auto_disabled_reason": "The upstream refused the channel's key (HTTP 401): Incorrect API key provided",
           *       "models": [
           *         {
           *           "model": "gpt-4o-mini",
           *           "circuit": "closed",
           *           "recent_failures": 0,
           *           "last_error": "HTTP 401: Incorrect API key provided",
           *           "last_error_at": 1764806400
           *         },
           *         {
           *           "model": "gpt-4o",
           *           "circuit": "open",
           *           "recent_failures": 5,
           *           "last_error": "HTTP 503: upstream overloaded",
           *           "last_error_at": 1764806350
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['ChannelHealth'];
        };
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      401: components['responses']['OpenAIError401_invalid_api_key'];
      403: components['responses']['OpenAIError403_permission_denied'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      429: components['responses']['OpenAIError429_rate_limit_exceeded'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      503: components['responses']['OpenAIError503_service_unavailable'];
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every service answered */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "status": "ok",
           *       "down": [],
           *       "services": {
           *         "gateway": {
           *           "status": "ok",
           *           "event_loop_delay_ms": {
           *             "p50_ms": 10.1,
           *             "p99_ms": 11.2,
           *             "max_ms": 12.4
           *           }
           *         },
           *         "router": {
           *           "status": "ok",
           *           "instance": "rtr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "checks": {
           *             "postgres": "ok",
           *             "nats": "ok"
           *           },
           *           "event_loop_delay_ms": null
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['Health'];
        };
      };
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      /** @description A service did not answer: `down` names it */
      503: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "status": "unavailable",
           *       "down": [
           *         "billing"
           *       ],
           *       "services": {
           *         "gateway": {
           *           "status": "ok",
           *           "event_loop_delay_ms": {
           *             "p50_ms": 10.1,
           *             "p99_ms": 11.2,
           *             "max_ms": 12.4
           *           }
           *         },
           *         "router": {
           *           "status": "ok",
           *           "instance": "rtr_3kF9aB2cD4eF6gH8iJ0kL2mN",
           *           "checks": {
           *             "postgres": "ok",
           *             "nats": "ok"
           *           },
           *           "event_loop_delay_ms": null
           *         },
           *         "billing": {
           *           "status": "down",
           *           "error": "The billing service is unavailable (no responders)"
           *         }
           *       }
           *     }
           */
          'application/json': components['schemas']['Health'];
        };
      };
    };
  };
  getReady: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description This gateway takes new requests */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "status": "ready"
           *     }
           */
          'application/json': {
            /**
             * @description `draining` once a shutdown started
             * @enum {string}
             */
            status: 'ready' | 'draining';
          };
        };
      };
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
      /** @description This gateway is shutting down: send new requests to another */
      503: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "status": "draining"
           *     }
           */
          'application/json': {
            /**
             * @description `draining` once a shutdown started
             * @enum {string}
             */
            status: 'ready' | 'draining';
          };
        };
      };
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The metrics */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example # HELP switchyard_http_requests_total HTTP requests answered by the gateway
           *     # TYPE switchyard_http_requests_total counter
           */
          'text/plain': string;
        };
      };
      401: components['responses']['OpenAIError401_invalid_api_key'];
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
    };
  };
  getOpenApiJson: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "openapi": "3.0.3",
           *       "info": {
           *         "title": "Switchyard API"
           *       }
           *     }
           */
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
    };
  };
  getOpenApiYaml: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example openapi: 3.0.3
           *     info:
           *       title: Switchyard API
           */
          'application/yaml': string;
        };
      };
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
    };
  };
  getApiReference: {
    parameters: {
      query?: never;
      header?: {
        /** @description The `ETag` of the copy the browser holds: 304 without a body when it is still current */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The page */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          ETag: components['headers']['ETag'];
          'Cache-Control': components['headers']['CacheControl'];
          'Content-Security-Policy': components['headers']['ContentSecurityPolicy'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example <!DOCTYPE html>
           *     <html lang="en">…</html>
           */
          'text/html': string;
        };
      };
      /** @description The copy the browser holds is current (no body) */
      304: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content?: never;
      };
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
    };
  };
  getApiReferenceFile: {
    parameters: {
      query?: {
        /** @description The renderer's version, stamped on its files' URLs by the page */
        v?: string;
      };
      header?: {
        /** @description The `ETag` of the copy the browser holds: 304 without a body when it is still current */
        'If-None-Match'?: string;
      };
      path: {
        /**
         * @description The file
         * @example swagger-ui-bundle.js
         */
        file: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          ETag: components['headers']['ETag'];
          'Cache-Control': components['headers']['CacheControl'];
          [name: string]: unknown;
        };
        content: {
          /** @example 'use strict'; */
          'text/javascript': string;
          'text/css': string;
          'image/png': string;
        };
      };
      /** @description The copy the browser holds is current (no body) */
      304: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
    };
  };
  getConsole: {
    parameters: {
      query?: never;
      header?: {
        /** @description The `ETag` of the copy the browser holds: 304 without a body when it is still current */
        'If-None-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The page */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          ETag: components['headers']['ETag'];
          'Cache-Control': components['headers']['CacheControl'];
          'Content-Security-Policy': components['headers']['ContentSecurityPolicy'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example <!DOCTYPE html>
           *     <html lang="en">…</html>
           */
          'text/html': string;
        };
      };
      /** @description The copy the browser holds is current (no body) */
      304: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content?: never;
      };
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
    };
  };
  getConsoleAsset: {
    parameters: {
      query?: never;
      header?: {
        /** @description The `ETag` of the copy the browser holds: 304 without a body when it is still current */
        'If-None-Match'?: string;
      };
      path: {
        /**
         * @description The file
         * @example index-BsQKWobc.js
         */
        file: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file */
      200: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          ETag: components['headers']['ETag'];
          'Cache-Control': components['headers']['CacheControl'];
          [name: string]: unknown;
        };
        content: {
          /** @example const e=1; */
          'text/javascript': string;
          'text/css': string;
          'image/svg+xml': string;
          'image/png': string;
          'font/woff2': string;
        };
      };
      /** @description The copy the browser holds is current (no body) */
      304: {
        headers: {
          'x-request-id': components['headers']['RequestId'];
          'x-client-request-id': components['headers']['ClientRequestId'];
          traceresponse: components['headers']['TraceResponse'];
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content?: never;
      };
      400: components['responses']['OpenAIError400_invalid_value'];
      404: components['responses']['OpenAIError404_not_found'];
      414: components['responses']['OpenAIError414_request_too_large'];
      431: components['responses']['OpenAIError431_request_too_large'];
      500: components['responses']['OpenAIError500_internal_error'];
    };
  };
}
