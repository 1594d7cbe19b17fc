import en from '../../messages/en.json';
import zh from '../../messages/zh.json';

/**
 * The last-resort message in both languages (no locale is known when the root layout fails).
 * Loaded only when needed (app/global-error.tsx): the two catalogues weigh 9 KB gzip.
 */
export default function GlobalErrorBody() {
  return (
    <main>
      <h1>{en.Error.title}</h1>
      <p>{en.Error.body}</p>
      <div lang="zh-Hans">
        <h2>{zh.Error.title}</h2>
        <p>{zh.Error.body}</p>
      </div>
      <p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the root layout failed: only a full page load can bring it back */}
        <a href="/">{en.Error.home}</a> · <a href="/" lang="zh-Hans">{zh.Error.home}</a>
      </p>
    </main>
  );
}
