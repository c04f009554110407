export function PlaygroundPage() {
  return <section aria-label="Playground" />;
}
