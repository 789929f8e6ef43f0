import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy…/waitFor wait for what the page does next; on a busy CI machine that can take longer than the 1 s default
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
