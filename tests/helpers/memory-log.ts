import { createLogger } from '@/lib/log';

/** A logger that writes into memory (the production format, level info), and what it wrote. */
export function memoryLogger() {
  const chunks: string[] = [];
  const logger = createLogger({ write: (chunk: string) => void chunks.push(chunk) }, 'info');
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, text, lines };
}
