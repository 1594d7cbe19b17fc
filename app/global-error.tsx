'use client';

import en from '../messages/en.json';
import zh from '../messages/zh.json';

/**
 * Last resort when the layout itself fails: no locale is known here, so the message is given
 * in both languages. Never shows the error.
 */
export default function GlobalError() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '3rem auto', maxWidth: '40rem', padding: '0 1rem' }}>
        <main>
          <h1>{en.Error.title}</h1>
          <p>{en.Error.body}</p>
          <div lang="zh-Hans">
            <h2>{zh.Error.title}</h2>
            <p>{zh.Error.body}</p>
          </div>
          <p>
            <a href="/">{en.Error.home}</a> · <a href="/" lang="zh-Hans">{zh.Error.home}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
