import type { ApiLimits, Operation } from '../catalog';
import { ACCOUNT_OPERATIONS } from './account';
import { ADMIN_OPERATIONS } from './admin';
import { ANTHROPIC_OPERATIONS } from './anthropic';
import { AUTH_OPERATIONS } from './auth';
import { BATCH_OPERATIONS } from './batches';
import { PLATFORM_CHANNEL_OPERATIONS, PRIVATE_CHANNEL_OPERATIONS } from './channels';
import { CHAT_OPERATIONS } from './chat';
import { fileOperations } from './files';
import { GEMINI_OPERATIONS } from './gemini';
import { LOCAL_ACCOUNT_OPERATIONS } from './local-accounts';
import { GENERATION_OPERATIONS } from './generations';
import { MEDIA_OPERATIONS } from './media';
import { RESPONSES_OPERATIONS } from './responses';
import { SERVICE_OPERATIONS } from './service';

/** Every public route of the gateway, family by family, as the document shows them. */
export function operationsFor(limits: ApiLimits): Operation[] {
  return [
    ...CHAT_OPERATIONS,
    ...RESPONSES_OPERATIONS,
    ...ANTHROPIC_OPERATIONS,
    ...GEMINI_OPERATIONS,
    ...MEDIA_OPERATIONS,
    ...GENERATION_OPERATIONS,
    ...fileOperations(limits),
    ...BATCH_OPERATIONS,
    ...ACCOUNT_OPERATIONS,
    ...AUTH_OPERATIONS,
    ...PRIVATE_CHANNEL_OPERATIONS,
    ...ADMIN_OPERATIONS,
    ...LOCAL_ACCOUNT_OPERATIONS,
    ...PLATFORM_CHANNEL_OPERATIONS,
    ...SERVICE_OPERATIONS,
  ];
}
