/**
 * The width of the article column, for next/image `sizes`. Keep in step with `.body` max-width in
 * article.module.css (42rem, full width below 46rem including page padding).
 */
export const ARTICLE_COLUMN_SIZES = '(min-width: 46rem) 42rem, 100vw';
