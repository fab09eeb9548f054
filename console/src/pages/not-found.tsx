import { Page } from '../components/page.js';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>
        There is no such page in the console. <a href="/console">Go to the start</a>.
      </p>
    </Page>
  );
}
