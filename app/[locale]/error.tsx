'use client';
// Error boundaries must be client components: Next renders them when a server render fails.
// The strings come from the layout (ErrorPageLabelsProvider), so no message formatter ships.
import { useErrorPageLabels } from '@/components/layout/ErrorPageLabels.client';
import styles from '@/components/layout/layout.module.css';

export default function LocaleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const labels = useErrorPageLabels();
  return (
    <div className={styles.errorPage} role="alert">
      <h1>{labels.title}</h1>
      <p>{labels.description}</p>
      <ul>
        <li>
          <button type="button" onClick={reset}>
            {labels.retry}
          </button>
        </li>
        <li>
          <a href={labels.homeHref}>{labels.home}</a>
        </li>
      </ul>
    </div>
  );
}
