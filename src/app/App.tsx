export function App() {
  return (
    <main className="app">
      <h1>Nash</h1>
      <p>An interactive GAN playground. The training core is under construction.</p>
    </main>
  );
}
