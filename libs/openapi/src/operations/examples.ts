/** Example values several operations show. */
export const ROUTING_EXAMPLE = {
  channel: { id: 'ch_3kF9aB2cD4eF6gH8iJ0kL2mN', name: 'platform channel', provider: 'openai', channelType: 'PLATFORM' },
  cached: false,
  retryCount: 0,
  attempts: [
    {
      channel_id: 'ch_3kF9aB2cD4eF6gH8iJ0kL2mN',
      channel_name: 'platform channel',
      channel_type: 'PLATFORM',
      status: 200,
      latency_ms: 412,
      error_code: null,
    },
  ],
};

export const CREATED = 1764720000;

export const CHAT_COMPLETION_EXAMPLE = {
  id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  object: 'chat.completion',
  created: CREATED,
  model: 'gpt-4o-mini',
  choices: [
    { index: 0, message: { role: 'assistant', content: 'Hello! How can I help?', refusal: null }, logprobs: null, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 9, completion_tokens: 7, total_tokens: 16, cost: 0.0000056 },
  system_fingerprint: 'fp_44709d6fcb',
  _routing: ROUTING_EXAMPLE,
};

export const CHAT_CHUNK_EXAMPLE = {
  id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  object: 'chat.completion.chunk',
  created: CREATED,
  model: 'gpt-4o-mini',
  choices: [{ index: 0, delta: { content: 'Hello' }, finish_reason: null }],
};

export const MODEL_EXAMPLE = {
  id: 'gpt-4o-mini',
  object: 'model',
  created: 0,
  owned_by: 'openai',
  type: 'chat',
  endpoints: ['/v1/chat/completions', '/v1/completions', '/v1/responses', '/v1/messages', '/v1beta/models:generateContent'],
  context_window: null,
  pricing: {
    input_per_million: 0.15,
    output_per_million: 0.6,
    cached_input_per_million: 0.075,
    per_image: null,
    per_audio_second: null,
    per_call: null,
  },
};

export const CHANNEL_EXAMPLE = {
  id: 'ch_3kF9aB2cD4eF6gH8iJ0kL2mN',
  object: 'channel',
  name: 'openai main',
  provider: 'openai',
  type: 'PLATFORM',
  base_url: 'https://api.openai.com',
  api_key_hint: 'sk-...abcd',
  models: ['gpt-4o-mini', 'text-embedding-3-small'],
  model_mapping: {},
  priority: 0,
  weight: 1,
  endpoints: ['/v1/chat/completions', '/v1/embeddings'],
  status: 'enabled',
  status_reason: null,
  owner_user_id: null,
  max_concurrency: null,
  rpm_limit: null,
  cache_ttl_seconds: null,
  health: { circuit: 'closed', recent_failures: 0 },
  created_at: CREATED,
  updated_at: CREATED,
};

export const USER_EXAMPLE = {
  id: 'usr_3kF9aB2cD4eF6gH8iJ0kL2mN',
  object: 'user',
  name: 'Ada',
  email: 'ada@example.com',
  role: 'user',
  disabled_at: null,
  balance: 25,
  debt: 0,
  requests_per_minute: 60,
  rate_limit_source: 'role',
  created_at: CREATED,
};

export const KEY_EXAMPLE = {
  id: 'key_3kF9aB2cD4eF6gH8iJ0kL2mN',
  object: 'api_key',
  name: 'laptop',
  scopes: ['inference'],
  prefix: 'sk-sy-4f2a',
  created_at: CREATED,
  revoked_at: null,
  last_used_at: null,
};

export const FILE_EXAMPLE = {
  id: 'file-3kF9aB2cD4eF6gH8iJ0kL2mN',
  object: 'file',
  bytes: 1204,
  created_at: CREATED,
  expires_at: null,
  filename: 'requests.jsonl',
  purpose: 'batch',
  status: 'processed',
  status_details: null,
};

export const ANTHROPIC_FILE_EXAMPLE = {
  id: 'file_3kF9aB2cD4eF6gH8iJ0kL2mN',
  type: 'file',
  filename: 'report.pdf',
  mime_type: 'application/pdf',
  size_bytes: 48213,
  created_at: '2025-12-03T00:00:00.000Z',
  downloadable: false,
};

export const BATCH_EXAMPLE = {
  id: 'batch_3kF9aB2cD4eF6gH8iJ0kL2mN',
  object: 'batch',
  endpoint: '/v1/chat/completions',
  model: 'gpt-4o-mini',
  errors: null,
  input_file_id: 'file-3kF9aB2cD4eF6gH8iJ0kL2mN',
  completion_window: '24h',
  status: 'in_progress',
  output_file_id: null,
  error_file_id: null,
  created_at: CREATED,
  in_progress_at: CREATED + 2,
  expires_at: CREATED + 86400,
  finalizing_at: null,
  completed_at: null,
  failed_at: null,
  expired_at: null,
  cancelling_at: null,
  cancelled_at: null,
  request_counts: { total: 100, completed: 42, failed: 0 },
  metadata: { project: 'eval' },
};

export const USAGE_RECORD_EXAMPLE = {
  request_id: 'req_3f9a1c0b7d2e4f6a00000001',
  user_id: 'usr_3kF9aB2cD4eF6gH8iJ0kL2mN',
  model: 'gpt-4o-mini',
  endpoint: '/v1/chat/completions',
  channel_id: 'ch_3kF9aB2cD4eF6gH8iJ0kL2mN',
  channel_type: 'PLATFORM',
  prompt_tokens: 9,
  completion_tokens: 7,
  cached_tokens: 0,
  cache_write_tokens: 0,
  reasoning_tokens: 0,
  images: 0,
  audio_seconds: 0,
  cost: 0.0000056,
  estimated: false,
  cached: false,
  batch_id: null,
  created_at: CREATED,
};

export const USAGE_DAILY_EXAMPLE = {
  object: 'list',
  data: [{ object: 'usage.day', date: '2025-12-03', requests: 120, prompt_tokens: 10400, completion_tokens: 8800, cost: 0.00684 }],
  totals: { requests: 120, prompt_tokens: 10400, completion_tokens: 8800, cost: 0.00684 },
};
