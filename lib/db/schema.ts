/**
 * The storage rows, as Kysely sees them. These are storage shapes only: the data layer turns them
 * into the content model's types (lib/data/articles.ts for articles, with the conversions every
 * row shares in lib/data/reshape.ts).
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
  /** Null: the section has no explicit order (nullable since migration 0004). */
  sort_order: number | null;
}

export interface AuthorsTable {
  slug: string;
  name: string;
  /** `''` when the author has no bio (the model's `null`); the column stays NOT NULL. */
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
  /**
   * `''` when the article has no intro (the model's `null`). Kept NOT NULL because the search
   * indexes read it as text: PostgreSQL's generated tsvector and SQLite's FTS5 row.
   */
  intro: string;
  section_slug: string;
  published_at: number | null;
  /** May be before published_at (an edit before a scheduled publication); see lib/content/updates.ts. */
  updated_at: number;
  created_at: number;
  /** JSON of the lead Image, or null. */
  lead_image: string | null;
  /** JSON array of Blocks. */
  body: string;
  /** Plain text of the body, for search. */
  body_text: string;
  has_video: number;
  /** The last save of any kind (epoch ms), what the desk sorts by; `updated_at` moves only on substantive updates. */
  edited_at: Generated<number>;
  /** The name of whoever made that save; null for imports and the scheduler. */
  edited_by: string | null;
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
  /** 1 after an admin reset until the user sets their own password (migration 0006); else 0. */
  password_change_required: Generated<number>;
  /** When a one-time password stops working; null for a password the user chose. */
  password_expires_at: Generated<number | null>;
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

// ---------------------------------------------------------------------------------------------
// The editor desk (migration 0003_desk).

/** One save, publication change or restore of an article; numbered per article from 1. */
export interface ArticleRevisionsTable {
  article_id: string;
  number: number;
  created_at: number;
  /** The account that made it; null for the scheduler and imports. Not a foreign key: accounts may go. */
  user_id: string | null;
  /** The account's name at the time, so the history still reads after the account is removed. */
  user_name: string | null;
  /** 1 when the save moved `updated_at` (a substantive update). */
  substantive: number;
  /** What happened besides a save: "published", "scheduled for …", "restored revision 3". */
  note: string | null;
  /** Canonical JSON of the ArticleInput as it stood after this revision. */
  snapshot: string;
}

/** The cross-instance cache bus (lib/cache/bus.ts): tags one instance revalidated, for the others. */
export interface CacheInvalidationsTable {
  /** Strictly increasing, never reused: readers keep a watermark on it. */
  id: Generated<number>;
  /** JSON array of cache tags (lib/cache/tags.ts). */
  tags: string;
  created_at: number;
}

/** Uploaded images, stored in the database so that every instance can serve them. */
export interface MediaTable {
  /** Content addressed: the first 32 hex digits of the SHA-256 of `data`, then the extension ("….webp"). */
  file_name: string;
  content_type: string;
  bytes: number;
  width: number;
  height: number;
  /** The file itself (BLOB in SQLite, BYTEA in PostgreSQL); both drivers return a Buffer. */
  data: Buffer;
  /** The uploader's name; null when unknown. */
  uploaded_by: string | null;
  created_at: number;
}

/** Merges into {@link DB} above, so every `Kysely<DB>` knows the desk's tables. */
export interface DB {
  article_revisions: ArticleRevisionsTable;
  cache_invalidations: CacheInvalidationsTable;
  media: MediaTable;
}

// ---------------------------------------------------------------------------------------------
// Share links (migration 0005_share_links).

/**
 * One share link made at the desk or with the CLI (lib/data/share-links.ts). A link works only
 * while its row exists, has not expired and is not revoked. Holds the SHA-256 of the link's token,
 * never the token: whoever reads the table cannot open the links.
 */
export interface ShareLinksTable {
  /** SHA-256 of the token, 64 hex digits; also the link's id in the desk. */
  token_hash: string;
  article_id: string;
  created_at: number;
  expires_at: number;
  /** Who made it; copied, not a foreign key (the list outlives accounts). Null for the CLI. */
  created_by_id: string | null;
  created_by_name: string | null;
  revoked_at: number | null;
  revoked_by_name: string | null;
  /** 'revoked' (at the desk) or 'taken-down' (the article went offline); null while active. */
  revoke_reason: string | null;
}

/** Merges into {@link DB} above. */
export interface DB {
  share_links: ShareLinksTable;
}

// ---------------------------------------------------------------------------------------------
// The audit trail (migration 0006_audit).

/** One security event (lib/auth/audit.ts). Never holds a password, token or session id. */
export interface AuditEventsTable {
  /** Strictly increasing: the admin screen pages by it, newest first. */
  id: Generated<number>;
  created_at: number;
  /** One of lib/auth/audit.ts's AUDIT_EVENT_TYPES. */
  type: string;
  /** Who did it; null for the CLI, the scheduler, or a sign-in attempt. Copied, not a foreign key. */
  actor_id: string | null;
  actor_email: string | null;
  /** The account it concerns (a sign-in's account, a reset's target); null when none. */
  subject_id: string | null;
  subject_email: string | null;
  article_id: string | null;
  /** The client's address, when known. */
  address: string | null;
  /** JSON object of short facts (role before and after, the channel); `{}` when none. */
  details: string;
}

/** Merges into {@link DB} above. */
export interface DB {
  audit_events: AuditEventsTable;
}
