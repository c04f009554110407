export function ExplainerPage() {
  return <section aria-label="Transposed convolution" />;
}
