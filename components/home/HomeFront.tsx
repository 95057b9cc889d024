import { getTranslations } from 'next-intl/server';
import { ArticleCard } from '@/components/listing/ArticleCard';
import { ArticleList } from '@/components/listing/ArticleList';
import { relativeTimeLabels } from '@/components/time/relativeTimeLabels';
import { HomeStructuredData } from '@/components/seo/HomeStructuredData';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { siteConfig } from '@/lib/site/config';
import type { HomeFrontData } from '@/lib/site/content';
import layoutStyles from '@/components/layout/layout.module.css';
import styles from './home.module.css';

/** The home front: a lead story, the latest news, a block per section and a video rail. */
export async function HomeFront({ locale, front }: { locale: Locale; front: HomeFrontData }) {
  const [t, tTime] = await Promise.all([
    getTranslations({ locale, namespace: 'HomeFront' }),
    getTranslations({ locale, namespace: 'RelativeTime' }),
  ]);
  const now = new Date();
  const timeZone = siteConfig.timeZone;
  const [lead, ...latest] = front.latest;

  return (
    <>
      <HomeStructuredData locale={locale} />
      <h1 className={layoutStyles.visuallyHidden}>{t('title')}</h1>
      {lead ? (
        <section aria-labelledby="home-top" className={styles.frontTop}>
          <h2 id="home-top" className={layoutStyles.visuallyHidden}>
            {t('topStory')}
          </h2>
          <div className={styles.frontLead}>
            <ArticleCard article={lead} locale={locale} timeZone={timeZone} now={now} timeLabels={relativeTimeLabels(tTime)} variant="lead" headingLevel={3} priority />
          </div>
          <div className={styles.frontLatest}>
            <h2 className={styles.blockHeading}>{t('latest')}</h2>
            <ArticleList articles={latest} locale={locale} timeZone={timeZone} now={now} variant="compact" headingLevel={3} layout="stack" />
          </div>
        </section>
      ) : (
        <p>{t('empty')}</p>
      )}

      {front.videos.length > 0 ? (
        <section aria-labelledby="home-videos" className={styles.videoRail}>
          <h2 id="home-videos" className={styles.blockHeading}>
            <Link href="/video">{t('videos')}</Link>
          </h2>
          <ArticleList articles={front.videos} locale={locale} timeZone={timeZone} now={now} headingLevel={3} />
        </section>
      ) : null}

      {front.sections.map(({ section, articles }) => (
        <section key={section.slug} aria-labelledby={`home-section-${section.slug}`} className={styles.frontBlock}>
          <h2 id={`home-section-${section.slug}`} className={styles.blockHeading}>
            <Link href={{ pathname: '/section/[slug]', params: { slug: section.slug } }}>{section.name}</Link>
          </h2>
          <ArticleList articles={articles} locale={locale} timeZone={timeZone} now={now} headingLevel={3} />
        </section>
      ))}
    </>
  );
}
