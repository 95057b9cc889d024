/**
 * The storage rows, as Kysely sees them. These are storage shapes only: lib/data/reshape.ts turns
 * them into the content model's types, and nothing else reads them.
 *
 * Every timestamp is integer epoch milliseconds (INTEGER in SQLite, BIGINT in PostgreSQL, parsed
 * to a JS number), so ordering and comparisons are the same in both engines and in no zone.
 * Booleans are 0/1 integers for the same reason.
 *
 * Engine-specific search structures (the FTS5 table `article_search` in SQLite, the generated
 * `articles.search` tsvector in PostgreSQL) are deliberately absent: only lib/data/search.ts
 * touches them, through {@link SqliteSearchTables}.
 */
import type { Generated } from 'kysely';

export interface SectionsTable {
  locale: string;
  slug: string;
  name: string;
  sort_order: number;
}

export interface AuthorsTable {
  slug: string;
  name: string;
  bio: string;
  image: string | null;
}

export interface TagsTable {
  slug: string;
  name: string;
}

export interface ArticlesTable {
  /** A stable integer key: the FTS5 rowid in SQLite. Never exposed. */
  seq: Generated<number>;
  id: string;
  locale: string;
  /** The current slug; the full history (current included) is in article_slugs. */
  slug: string;
  status: string;
  title: string;
  intro: string;
  section_slug: string;
  published_at: number | null;
  updated_at: number;
  created_at: number;
  /** JSON of the lead Image, or null. */
  lead_image: string | null;
  /** JSON array of Blocks. */
  body: string;
  /** Plain text of the body, for search. */
  body_text: string;
  has_video: number;
}

/** Byline order, with the article's locale, status and published_at copied for the author listing index. */
export interface ArticleAuthorsTable {
  article_id: string;
  author_slug: string;
  position: number;
  locale: string;
  status: string;
  published_at: number | null;
}

/** Tag order, with the article's locale, status and published_at copied for the tag listing index. */
export interface ArticleTagsTable {
  article_id: string;
  tag_slug: string;
  position: number;
  locale: string;
  status: string;
  published_at: number | null;
}

/** Every slug an article has had in its locale, the current one included. */
export interface ArticleSlugsTable {
  locale: string;
  slug: string;
  article_id: string;
}

export interface DB {
  sections: SectionsTable;
  authors: AuthorsTable;
  tags: TagsTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  article_slugs: ArticleSlugsTable;
}

/** SQLite only: the FTS5 index, keyed by rowid = articles.seq. */
export type SqliteSearchTables = {
  article_search: {
    rowid: number;
    title: string;
    intro: string;
    body_text: string;
  };
};

// ---------------------------------------------------------------------------------------------
// The editor desk's accounts (migration 0002_accounts). Read and written only by lib/auth/.

export interface UsersTable {
  id: string;
  /** Always lowercased; unique. */
  email: string;
  name: string;
  /** 'editor' | 'admin' (lib/auth/roles.ts). */
  role: string;
  /** Self-describing, e.g. `scrypt$15$8$1$<salt>$<hash>` (lib/auth/password.ts). */
  password_hash: string;
  created_at: number;
  updated_at: number;
}

export interface SessionsTable {
  /** SHA-256 hex of the cookie's token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  /** The absolute end of the session, whatever its activity. */
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

/** One fixed-window failure counter per key: `account:<email>` or `address:<ip>`. */
export interface SignInAttemptsTable {
  key: string;
  window_start: number;
  failures: number;
}

/** Merges into {@link DB} above (interface declaration merging), so every `Kysely<DB>` knows the account tables. */
export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
}
