/** A block of code. Long lines wrap, so that nothing needs scrolling (by mouse or keyboard). */
export function CodeBlock({ children, language }: { children: string; language?: string }) {
  return (
    <pre className="rounded-lg bg-slate-900 p-4 text-sm leading-relaxed break-words whitespace-pre-wrap text-slate-100">
      <code className={language ? `language-${language}` : undefined}>{children}</code>
    </pre>
  );
}

/** Inline code. */
export function Code({ children }: { children: string }) {
  return (
    <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] text-slate-800">
      {children}
    </code>
  );
}

/** Text from the OpenAPI document, with its `backticked` parts as inline code. */
export function TextWithCode({ text }: { text: string }) {
  return text
    .split('`')
    .map((part, index) => (index % 2 === 1 ? <Code key={index}>{part}</Code> : part));
}
