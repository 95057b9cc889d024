/**
 * Draws the demo illustrations referenced by content/demo/*.json and writes them as WebP.
 *
 *   npx tsx scripts/generate-demo-images.ts           # (re)generate every referenced image
 *   npx tsx scripts/generate-demo-images.ts --check   # only verify that every image exists
 *   npx tsx scripts/generate-demo-images.ts --prune   # also delete unreferenced files in images/demo/
 *
 * Every picture is an original, abstract sports illustration built from SVG shapes (pitch lines, a
 * ball, a track, a court, a bicycle wheel, rink ice, bold colour fields) and rendered with sharp.
 * What gets drawn follows from the content: the article's section (and a few tags) pick the sport,
 * and the image path seeds the composition and colours, so every article looks different but the
 * output is the same on every run.
 *
 * File name conventions (all under public/images/demo/):
 *   <locale>-<slug>.webp          lead image, 1600×900
 *   <locale>-<slug>-<n>.webp      image block in the body, 1600×900
 *   poster-<locale>-<slug>.webp   video poster, 1280×720
 *   author-<slug>.webp            author portrait (initials), 400×400
 * plus public/images/video-placeholder.webp (1280×720), the poster for videos without one.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { ContentFileSchema, type ArticleInput, type AuthorInput, type ContentFile } from '../lib/content/model';

const ROOT = path.resolve(__dirname, '..');
const CONTENT_DIR = path.join(ROOT, 'content', 'demo');
const PUBLIC_DIR = path.join(ROOT, 'public');
const PLACEHOLDER = '/images/video-placeholder.webp';

type Sport = 'football' | 'cycling' | 'tennis' | 'motorsport' | 'skating' | 'hockey' | 'athletics' | 'swimming' | 'judo';

type Job =
  | { kind: 'scene'; src: string; width: number; height: number; sport: Sport; tags: string[] }
  | { kind: 'portrait'; src: string; initials: string }
  | { kind: 'placeholder'; src: string };

const SPORT_BY_SECTION: Record<string, Sport> = {
  voetbal: 'football',
  football: 'football',
  wielrennen: 'cycling',
  cycling: 'cycling',
  tennis: 'tennis',
  'formule-1': 'motorsport',
  'formula-1': 'motorsport',
  schaatsen: 'skating',
  'speed-skating': 'skating',
  hockey: 'hockey',
  'olympische-sporten': 'athletics',
  'olympic-sports': 'athletics',
};

export function sportFor(article: Pick<ArticleInput, 'section' | 'tags'>): Sport {
  const tags = (article.tags ?? []).map((tag) => tag.toLowerCase());
  if (tags.includes('zwemmen') || tags.includes('swimming')) return 'swimming';
  if (tags.includes('judo')) return 'judo';
  return SPORT_BY_SECTION[article.section] ?? 'athletics';
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  private state: number;
  constructor(seed: string) {
    this.state = hash(seed) || 1;
  }
  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  int(min: number, max: number): number {
    return Math.floor(this.range(min, max + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const r1 = (n: number) => Math.round(n * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Shared pieces. Scenes are drawn on a 1600×900 canvas and scaled to the output size.

const W = 1600;
const H = 900;

/** Colours for the bold fields laid over a scene; one palette is picked per image. */
const ACCENTS = [
  ['#ff6b1a', '#ffd23f'],
  ['#e63946', '#f1faee'],
  ['#1d3557', '#457b9d'],
  ['#ffb703', '#fb8500'],
  ['#7b2cbf', '#c77dff'],
  ['#0b6e4f', '#08a045'],
  ['#ef476f', '#ffd166'],
  ['#003049', '#f77f00'],
] as const;

function defs(rng: Rng, id: string): string {
  const lx = r1(rng.range(0.15, 0.85));
  const ly = r1(rng.range(0.1, 0.5));
  return `<defs>
    <radialGradient id="${id}-light" cx="${lx}" cy="${ly}" r="0.9">
      <stop offset="0" stop-color="#fff" stop-opacity="0.22"/>
      <stop offset="0.55" stop-color="#fff" stop-opacity="0"/>
    </radialGradient>
    <radialGradient id="${id}-vignette" cx="0.5" cy="0.5" r="0.75">
      <stop offset="0.6" stop-color="#000" stop-opacity="0"/>
      <stop offset="1" stop-color="#000" stop-opacity="0.35"/>
    </radialGradient>
  </defs>`;
}

function finish(id: string): string {
  return `<rect width="${W}" height="${H}" fill="url(#${id}-light)"/><rect width="${W}" height="${H}" fill="url(#${id}-vignette)"/>`;
}

/** A big diagonal band and a circle in accent colours: the "bold colour fields". */
function colourFields(rng: Rng, opacity = 0.8): string {
  const [a, b] = rng.pick(ACCENTS);
  const side = rng.chance(0.5);
  const x0 = rng.range(900, 1300);
  const width = rng.range(160, 320);
  const band = side
    ? `<polygon points="${r1(x0)},0 ${r1(x0 + width)},0 ${r1(x0 + width - 700)},${H} ${r1(x0 - 700)},${H}" fill="${a}" opacity="${opacity}"/>`
    : `<polygon points="${r1(W - x0)},0 ${r1(W - x0 - width)},0 ${r1(W - x0 - width + 700)},${H} ${r1(W - x0 + 700)},${H}" fill="${a}" opacity="${opacity}"/>`;
  const cx = rng.range(0, W);
  const cy = rng.chance(0.5) ? rng.range(-120, 120) : rng.range(H - 120, H + 120);
  const circle = `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(rng.range(140, 260))}" fill="${b}" opacity="${r1(opacity * 0.7)}"/>`;
  return band + circle;
}

function football(cx: number, cy: number, r: number, rotate: number): string {
  const pent = (radius: number, offset: number) =>
    Array.from({ length: 5 }, (_, i) => {
      const angle = ((i * 72 + offset - 90) * Math.PI) / 180;
      return `${r1(Math.cos(angle) * radius)},${r1(Math.sin(angle) * radius)}`;
    }).join(' ');
  const spokes = Array.from({ length: 5 }, (_, i) => {
    const angle = ((i * 72 - 90) * Math.PI) / 180;
    const x1 = Math.cos(angle) * r * 0.36;
    const y1 = Math.sin(angle) * r * 0.36;
    const x2 = Math.cos(angle) * r * 0.95;
    const y2 = Math.sin(angle) * r * 0.95;
    return `<line x1="${r1(x1)}" y1="${r1(y1)}" x2="${r1(x2)}" y2="${r1(y2)}" stroke="#222" stroke-width="${r1(r * 0.06)}"/>`;
  }).join('');
  const outer = Array.from({ length: 5 }, (_, i) => {
    const angle = ((i * 72 - 54) * Math.PI) / 180;
    const x = Math.cos(angle) * r * 0.98;
    const y = Math.sin(angle) * r * 0.98;
    return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(r * 0.22)}" fill="#222"/>`;
  }).join('');
  return `<g transform="translate(${r1(cx)} ${r1(cy)}) rotate(${r1(rotate)})">
    <ellipse cx="${r1(r * 0.25)}" cy="${r1(r * 1.05)}" rx="${r1(r * 1.05)}" ry="${r1(r * 0.28)}" fill="#000" opacity="0.28"/>
    <clipPath id="ball-${Math.round(cx)}-${Math.round(cy)}"><circle r="${r1(r)}"/></clipPath>
    <g clip-path="url(#ball-${Math.round(cx)}-${Math.round(cy)})">
      <circle r="${r1(r)}" fill="#f7f7f2"/>${spokes}${outer}
      <polygon points="${pent(r * 0.38, 0)}" fill="#222"/>
      <circle cx="${r1(-r * 0.35)}" cy="${r1(-r * 0.4)}" r="${r1(r * 0.9)}" fill="#fff" opacity="0.18"/>
    </g>
    <circle r="${r1(r)}" fill="none" stroke="#1a1a1a" stroke-opacity="0.35" stroke-width="3"/>
  </g>`;
}

// ---------------------------------------------------------------------------------------------
// Scenes, one per sport

function sceneFootball(rng: Rng): string {
  const greens = rng.pick([
    ['#2f8f3a', '#3aa147'],
    ['#24773a', '#2d8a45'],
    ['#3c9a41', '#48ad4d'],
  ] as const);
  const angle = rng.range(-18, 18);
  const stripes = Array.from({ length: 14 }, (_, i) => `<rect x="${i * 160 - 320}" y="-400" width="160" height="1700" fill="${greens[i % 2]}"/>`).join('');
  const line = 'stroke="#fff" stroke-opacity="0.85" stroke-width="9" fill="none"';
  const cx = rng.range(600, 1000);
  const cy = rng.range(380, 520);
  const box = rng.chance(0.5);
  const lines = box
    ? `<rect x="${r1(cx - 420)}" y="${r1(cy - 260)}" width="840" height="900" ${line}/>
       <rect x="${r1(cx - 190)}" y="${r1(cy + 120)}" width="380" height="500" ${line}/>
       <path d="M ${r1(cx - 150)} ${r1(cy - 260)} A 170 170 0 0 1 ${r1(cx + 150)} ${r1(cy - 260)}" ${line}/>
       <circle cx="${r1(cx)}" cy="${r1(cy + 20)}" r="9" fill="#fff"/>`
    : `<line x1="-400" y1="${r1(cy)}" x2="2000" y2="${r1(cy)}" ${line}/>
       <circle cx="${r1(cx)}" cy="${r1(cy)}" r="190" ${line}/>
       <circle cx="${r1(cx)}" cy="${r1(cy)}" r="10" fill="#fff"/>`;
  const ballX = box ? cx + rng.range(-60, 60) : cx + rng.range(120, 260);
  const ballY = box ? cy + 20 - 75 : cy - rng.range(-40, 120);
  return `<rect width="${W}" height="${H}" fill="${greens[0]}"/>
    <g transform="rotate(${r1(angle)} 800 450)">${stripes}${lines}</g>
    ${colourFields(rng, 0.72)}
    ${football(ballX, ballY, rng.range(70, 110), rng.range(0, 72))}`;
}

function wheel(cx: number, cy: number, r: number, rotate: number, colour: string): string {
  const spokes = Array.from({ length: 28 }, (_, i) => {
    const angle = (i * 360) / 28;
    return `<line x1="0" y1="0" x2="${r1(r * 0.9)}" y2="0" transform="rotate(${r1(angle)})" stroke="#d9dde2" stroke-width="3"/>`;
  }).join('');
  return `<g transform="translate(${r1(cx)} ${r1(cy)}) rotate(${r1(rotate)})">
    <circle r="${r1(r)}" fill="none" stroke="#16181b" stroke-width="${r1(r * 0.09)}"/>
    <circle r="${r1(r * 0.91)}" fill="none" stroke="${colour}" stroke-width="${r1(r * 0.05)}"/>
    ${spokes}
    <circle r="${r1(r * 0.09)}" fill="#2b2f35"/><circle r="${r1(r * 0.04)}" fill="#c9ced6"/>
  </g>`;
}

function sceneCycling(rng: Rng): string {
  const sky = rng.pick([
    ['#ffcf8b', '#ff8c5a'],
    ['#9fd3ff', '#5aa9e6'],
    ['#ffe3a3', '#f4a259'],
    ['#c3e8ff', '#7cc6fe'],
  ] as const);
  const hills = rng.pick([
    ['#3d7a4a', '#2e6140', '#1f4a30'],
    ['#6a8d3f', '#4f7033', '#355225'],
    ['#5b6ea8', '#45588f', '#2f3f6e'],
  ] as const);
  const hill = (base: number, amp: number, colour: string) => {
    const p1 = rng.range(200, 600);
    const p2 = rng.range(800, 1400);
    return `<path d="M 0 ${r1(base)} C ${r1(p1)} ${r1(base - amp)}, ${r1(p2 - 300)} ${r1(base + amp * 0.4)}, ${r1(p2)} ${r1(base - amp * 0.7)} S ${W} ${r1(base - amp * 0.2)}, ${W} ${r1(base)} L ${W} ${H} L 0 ${H} Z" fill="${colour}"/>`;
  };
  const roadX = rng.range(500, 1100);
  const road = `<path d="M ${r1(roadX - 40)} 430 C ${r1(roadX + 200)} 560, ${r1(roadX - 500)} 700, ${r1(roadX - 300)} ${H + 20} L ${r1(roadX + 260)} ${H + 20} C ${r1(roadX)} 700, ${r1(roadX + 300)} 560, ${r1(roadX + 20)} 430 Z" fill="#44474d"/>
    <path d="M ${r1(roadX - 10)} 430 C ${r1(roadX + 250)} 560, ${r1(roadX - 250)} 700, ${r1(roadX - 20)} ${H + 20}" fill="none" stroke="#f5f5f0" stroke-width="7" stroke-dasharray="40 36"/>`;
  const [accent] = rng.pick(ACCENTS);
  const left = rng.chance(0.5);
  const r = rng.range(260, 340);
  const wx = left ? rng.range(200, 420) : rng.range(1180, 1400);
  const wheels = wheel(wx, rng.range(430, 560), r, rng.range(0, 30), accent) +
    (rng.chance(0.5) ? wheel(left ? wx + r * 2.3 : wx - r * 2.3, rng.range(500, 640), r * 0.8, rng.range(0, 30), accent) : '');
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky[1]}"/><stop offset="1" stop-color="${sky[0]}"/></linearGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#sky)"/>
    <circle cx="${r1(rng.range(300, 1300))}" cy="${r1(rng.range(120, 260))}" r="${r1(rng.range(70, 120))}" fill="#fff6d8" opacity="0.85"/>
    ${hill(470, 160, hills[0])}${hill(560, 120, hills[1])}${hill(660, 90, hills[2])}
    ${road}
    ${colourFields(rng, 0.55)}
    ${wheels}`;
}

function sceneTennis(rng: Rng, tags: string[]): string {
  const lower = tags.map((tag) => tag.toLowerCase());
  const surfaces = {
    clay: ['#c8643c', '#a94f2e'],
    grass: ['#5f9e46', '#4a8237'],
    hard: ['#2f6db5', '#245694'],
  } as const;
  const surface = lower.includes('roland garros')
    ? surfaces.clay
    : lower.some((tag) => tag.includes('gras') || tag === 'wimbledon')
      ? surfaces.grass
      : rng.pick([surfaces.clay, surfaces.grass, surfaces.hard]);
  const angle = rng.range(-30, 30);
  const line = 'stroke="#fff" stroke-width="10" fill="none" stroke-opacity="0.92"';
  // A doubles court, 1097 × 2377 cm, drawn at 0.5 px/cm around (800, 450).
  const w = 548;
  const l = 1188;
  const court = `<g transform="translate(800 450) rotate(${r1(angle + 90)}) translate(${-w / 2} ${-l / 2})">
    <rect x="-200" y="-300" width="${w + 400}" height="${l + 600}" fill="${surface[1]}"/>
    <rect width="${w}" height="${l}" fill="${surface[0]}"/>
    <rect width="${w}" height="${l}" ${line}/>
    <line x1="69" y1="0" x2="69" y2="${l}" ${line}/><line x1="${w - 69}" y1="0" x2="${w - 69}" y2="${l}" ${line}/>
    <line x1="69" y1="${l / 2 - 320}" x2="${w - 69}" y2="${l / 2 - 320}" ${line}/>
    <line x1="69" y1="${l / 2 + 320}" x2="${w - 69}" y2="${l / 2 + 320}" ${line}/>
    <line x1="${w / 2}" y1="${l / 2 - 320}" x2="${w / 2}" y2="${l / 2 + 320}" ${line}/>
    <rect x="-40" y="${l / 2 - 8}" width="${w + 80}" height="16" fill="#1d1d1f" opacity="0.85"/>
    <rect x="-40" y="${l / 2 - 11}" width="${w + 80}" height="5" fill="#fff"/>
  </g>`;
  const bx = rng.range(300, 1300);
  const by = rng.range(200, 700);
  const br = rng.range(42, 64);
  const ball = `<g transform="translate(${r1(bx)} ${r1(by)}) rotate(${r1(rng.range(0, 180))})">
    <ellipse cx="${r1(br * 0.4)}" cy="${r1(br * 1.3)}" rx="${r1(br)}" ry="${r1(br * 0.3)}" fill="#000" opacity="0.25"/>
    <circle r="${r1(br)}" fill="#d7f03c"/>
    <path d="M ${r1(-br)} ${r1(-br * 0.2)} C ${r1(-br * 0.3)} ${r1(-br * 0.2)}, ${r1(-br * 0.3)} ${r1(br * 0.9)}, ${r1(br * 0.2)} ${r1(br * 0.98)}" fill="none" stroke="#fff" stroke-width="5"/>
    <path d="M ${r1(br)} ${r1(br * 0.2)} C ${r1(br * 0.3)} ${r1(br * 0.2)}, ${r1(br * 0.3)} ${r1(-br * 0.9)}, ${r1(-br * 0.2)} ${r1(-br * 0.98)}" fill="none" stroke="#fff" stroke-width="5"/>
  </g>`;
  return `<rect width="${W}" height="${H}" fill="${surface[1]}"/>${court}${colourFields(rng, 0.6)}${ball}`;
}

function sceneMotorsport(rng: Rng): string {
  const cx = rng.chance(0.5) ? rng.range(-100, 300) : rng.range(1300, 1700);
  const cy = rng.range(700, 1000);
  const radius = rng.range(700, 900);
  const sweep = cx < 800 ? 1 : 0;
  const x1 = cx < 800 ? cx + radius : cx - radius;
  const arc = `M ${r1(x1)} ${r1(cy + 200)} A ${r1(radius)} ${r1(radius)} 0 0 ${sweep === 1 ? 0 : 1} ${r1(cx)} ${r1(cy - radius)}`;
  const inner = radius - 170;
  const innerArc = `M ${r1(cx < 800 ? cx + inner : cx - inner)} ${r1(cy + 200)} A ${r1(inner)} ${r1(inner)} 0 0 ${sweep === 1 ? 0 : 1} ${r1(cx)} ${r1(cy - inner)}`;
  const speed = Array.from({ length: 9 }, () => {
    const y = rng.range(40, 860);
    const x = rng.range(-200, 1200);
    return `<line x1="${r1(x)}" y1="${r1(y)}" x2="${r1(x + rng.range(300, 700))}" y2="${r1(y - 60)}" stroke="#fff" stroke-opacity="${r1(rng.range(0.08, 0.22))}" stroke-width="${r1(rng.range(3, 8))}"/>`;
  }).join('');
  const size = 44;
  const flagX = cx < 800 ? rng.range(1050, 1250) : rng.range(120, 300);
  const flagY = rng.range(90, 220);
  const squares: string[] = [];
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 7; col++) {
      const wave = Math.sin((col / 7) * Math.PI * 1.5) * 18;
      squares.push(
        `<rect x="${col * size}" y="${r1(row * size + wave)}" width="${size}" height="${size}" fill="${(row + col) % 2 === 0 ? '#111' : '#f4f4f4'}"/>`,
      );
    }
  }
  const flag = `<g transform="translate(${r1(flagX)} ${r1(flagY)}) rotate(${r1(rng.range(-14, 8))})">
    <rect x="-14" y="-10" width="10" height="360" fill="#cfd3d8"/>${squares.join('')}</g>`;
  return `<defs><linearGradient id="tarmac" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2a2d33"/><stop offset="1" stop-color="#15171a"/></linearGradient></defs>
    <rect width="${W}" height="${H}" fill="#4f7a3a"/>
    <rect width="${W}" height="${H}" fill="url(#tarmac)" opacity="0.35"/>
    ${colourFields(rng, 0.6)}
    <path d="${arc}" fill="none" stroke="#3a3d43" stroke-width="330"/>
    <path d="${innerArc}" fill="none" stroke="#e10600" stroke-width="34"/>
    <path d="${innerArc}" fill="none" stroke="#f4f4f4" stroke-width="34" stroke-dasharray="46 46"/>
    <path d="${arc}" fill="none" stroke="#f4f4f4" stroke-opacity="0.5" stroke-width="6" stroke-dasharray="60 50" transform="translate(0 0)"/>
    ${speed}${flag}`;
}

function sceneSkating(rng: Rng): string {
  const scale = rng.range(1.2, 1.8);
  const tx = rng.range(-500, 200);
  const ty = rng.range(-300, 100);
  // A 400 m oval: two straights and two bends, lanes drawn as concentric stadium shapes.
  const oval = (inset: number, stroke: string, width: number, dash = '') =>
    `<rect x="${150 + inset}" y="${150 + inset}" width="${1300 - inset * 2}" height="${600 - inset * 2}" rx="${300 - inset}" fill="none" stroke="${stroke}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
  const scratches = Array.from({ length: 14 }, () => {
    const x = rng.range(0, W);
    const y = rng.range(0, H);
    const len = rng.range(120, 420);
    return `<path d="M ${r1(x)} ${r1(y)} q ${r1(len / 2)} ${r1(rng.range(-40, 40))} ${r1(len)} ${r1(rng.range(-20, 20))}" fill="none" stroke="#fff" stroke-opacity="0.5" stroke-width="2"/>`;
  }).join('');
  return `<defs><linearGradient id="ice" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#eef7fc"/><stop offset="1" stop-color="#bcdcef"/></linearGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#ice)"/>
    ${colourFields(rng, 0.5)}
    <g transform="translate(${r1(tx)} ${r1(ty)}) scale(${r1(scale)})">
      ${oval(60, '#d3e7f4', 120)}${oval(0, '#1d4f91', 8)}${oval(60, '#1d4f91', 5, '40 22')}${oval(120, '#1d4f91', 8)}
      ${oval(126, '#e63946', 8, '14 70')}${oval(126, '#ffd23f', 8, '14 70 0 0')}
      ${oval(200, '#9bbfd8', 3, '6 26')}
    </g>
    ${scratches}`;
}

function sceneHockey(rng: Rng): string {
  const turf = rng.pick([
    ['#1f5fa8', '#1a518f'],
    ['#2c8a4b', '#237040'],
    ['#1c6fa5', '#175c89'],
  ] as const);
  const line = 'stroke="#fff" stroke-width="9" fill="none" stroke-opacity="0.9"';
  const gx = rng.range(500, 1100);
  const flip = rng.chance(0.5);
  const circle = `<g transform="translate(${r1(gx)} ${flip ? 0 : H}) scale(1 ${flip ? 1 : -1})">
    <line x1="-1200" y1="40" x2="1200" y2="40" ${line}/>
    <path d="M -480 40 L -480 120 A 440 440 0 0 0 -40 560 L 40 560 A 440 440 0 0 0 480 120 L 480 40" ${line}/>
    <path d="M -620 40 L -620 120 A 580 580 0 0 0 -40 700 L 40 700 A 580 580 0 0 0 620 120 L 620 40" ${line} stroke-dasharray="30 30"/>
    <rect x="-110" y="0" width="220" height="40" fill="#f4f4f4" opacity="0.9"/>
  </g>`;
  const bx = rng.range(400, 1200);
  const by = rng.range(350, 600);
  const [stickColour] = rng.pick(ACCENTS);
  const stick = `<g transform="translate(${r1(bx + 60)} ${r1(by + 40)}) rotate(${r1(rng.range(-50, -20))})">
    <rect x="-18" y="-620" width="36" height="600" rx="14" fill="${stickColour}"/>
    <rect x="-20" y="-640" width="40" height="170" rx="14" fill="#1a1a1a"/>
    <path d="M -18 -30 L -18 40 C -18 110, 90 110, 100 50 L 100 20 C 100 -10, 60 -10, 60 20 L 60 30 C 55 55, 18 55, 18 30 L 18 -30 Z" fill="${stickColour}"/>
  </g>`;
  const ball = `<ellipse cx="${r1(bx + 8)}" cy="${r1(by + 34)}" rx="38" ry="10" fill="#000" opacity="0.3"/><circle cx="${r1(bx)}" cy="${r1(by)}" r="34" fill="#fbfbf6"/><circle cx="${r1(bx - 10)}" cy="${r1(by - 10)}" r="4" fill="#d9d9d2"/><circle cx="${r1(bx + 9)}" cy="${r1(by + 3)}" r="4" fill="#d9d9d2"/><circle cx="${r1(bx - 3)}" cy="${r1(by + 14)}" r="4" fill="#d9d9d2"/>`;
  const stripes = Array.from({ length: 12 }, (_, i) => `<rect x="${i * 140}" y="0" width="70" height="${H}" fill="${turf[1]}" opacity="0.5"/>`).join('');
  return `<rect width="${W}" height="${H}" fill="${turf[0]}"/>${stripes}${colourFields(rng, 0.55)}${circle}${stick}${ball}`;
}

function sceneAthletics(rng: Rng): string {
  const track = rng.pick(['#b8452e', '#c0532f', '#a63f2c', '#2f5fa8']);
  const cx = rng.chance(0.5) ? rng.range(-300, 200) : rng.range(1400, 1900);
  const cy = rng.range(900, 1300);
  const inner = rng.range(420, 560);
  const lanes = 8;
  const laneWidth = 62;
  const rings = Array.from({ length: lanes + 1 }, (_, i) => `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(inner + i * laneWidth)}" fill="none" stroke="#fff" stroke-width="5" stroke-opacity="0.9"/>`).join('');
  const stagger = Array.from({ length: lanes }, (_, i) => {
    const angle = (-(rng.range(60, 75) + i * 3) * Math.PI) / 180;
    const ra = inner + i * laneWidth;
    const rb = ra + laneWidth;
    return `<line x1="${r1(cx + Math.cos(angle) * ra)}" y1="${r1(cy + Math.sin(angle) * ra)}" x2="${r1(cx + Math.cos(angle) * rb)}" y2="${r1(cy + Math.sin(angle) * rb)}" stroke="#fff" stroke-width="6"/>`;
  }).join('');
  return `<rect width="${W}" height="${H}" fill="#3f8f4a"/>
    ${colourFields(rng, 0.5)}
    <circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(inner + lanes * laneWidth + 60)}" fill="${track}"/>
    <circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(inner)}" fill="#3f8f4a"/>
    ${rings}${stagger}`;
}

function sceneSwimming(rng: Rng): string {
  const angle = rng.range(-12, 12);
  const laneHeight = 150;
  const ropeColours = rng.pick([
    ['#d62828', '#f4f4f4'],
    ['#f77f00', '#1d3557'],
    ['#fcbf49', '#003049'],
  ] as const);
  const ropes: string[] = [];
  const marks: string[] = [];
  for (let i = 0; i < 9; i++) {
    const y = i * laneHeight - 150;
    marks.push(`<rect x="-200" y="${y + laneHeight / 2 - 10}" width="2000" height="20" fill="#0f3b66" opacity="0.45"/>`);
    marks.push(`<rect x="${r1(rng.range(1200, 1400))}" y="${y + laneHeight / 2 - 40}" width="20" height="80" fill="#0f3b66" opacity="0.45"/>`);
    const beads: string[] = [];
    for (let x = -200; x < 1800; x += 34) {
      beads.push(`<circle cx="${x}" cy="${y}" r="14" fill="${ropeColours[Math.floor((x + 200) / 340) % 2]}"/>`);
    }
    ropes.push(beads.join(''));
  }
  const caustics = Array.from({ length: 16 }, () => {
    const x = rng.range(-100, W);
    const y = rng.range(0, H);
    return `<path d="M ${r1(x)} ${r1(y)} q 60 -30 120 0 t 120 0 t 120 0" fill="none" stroke="#fff" stroke-opacity="${r1(rng.range(0.12, 0.3))}" stroke-width="${r1(rng.range(3, 7))}"/>`;
  }).join('');
  return `<defs><linearGradient id="water" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#38a3d1"/><stop offset="1" stop-color="#1b6fa8"/></linearGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#water)"/>
    <g transform="rotate(${r1(angle)} 800 450)">${marks.join('')}${ropes.join('')}</g>
    ${caustics}${colourFields(rng, 0.35)}`;
}

function sceneJudo(rng: Rng): string {
  const [inside, border] = rng.pick([
    ['#2e7d4f', '#e9c46a'],
    ['#2a5ea8', '#f2d24b'],
    ['#3a7d44', '#d62828'],
  ] as const);
  const tiles: string[] = [];
  for (let x = -200; x < 1800; x += 200) {
    for (let y = -200; y < 1100; y += 100) {
      tiles.push(`<rect x="${x}" y="${y}" width="200" height="100" fill="none" stroke="#000" stroke-opacity="0.18" stroke-width="3"/>`);
    }
  }
  const angle = rng.range(-20, 20);
  const beltColour = rng.pick(['#111', '#5a3a1a', '#1d3557']);
  const bx = rng.range(500, 1100);
  const by = rng.range(300, 420);
  const belt = `<g transform="translate(${r1(bx)} ${r1(by)}) rotate(${r1(rng.range(-12, 12))})">
    <path d="M -760 -10 C -400 -50, 400 50, 760 -10" fill="none" stroke="${beltColour}" stroke-width="64"/>
    <path d="M -760 -10 C -400 -50, 400 50, 760 -10" fill="none" stroke="#fff" stroke-opacity="0.18" stroke-width="4" stroke-dasharray="18 12" transform="translate(0 -18)"/>
    <path d="M -20 20 C -40 120, -90 220, -150 330" fill="none" stroke="${beltColour}" stroke-width="58"/>
    <path d="M 20 20 C 50 120, 110 210, 190 310" fill="none" stroke="${beltColour}" stroke-width="58"/>
    <rect x="-70" y="-50" width="140" height="100" rx="30" fill="${beltColour}"/>
    <rect x="-70" y="-50" width="140" height="100" rx="30" fill="#fff" opacity="0.08"/>
  </g>`;
  return `<rect width="${W}" height="${H}" fill="${border}"/>
    <g transform="rotate(${r1(angle)} 800 450)">
      <rect x="200" y="-100" width="1200" height="1100" fill="${inside}"/>
      <rect x="200" y="-100" width="1200" height="1100" fill="none" stroke="#d62828" stroke-width="0"/>
      ${tiles.join('')}
    </g>
    ${colourFields(rng, 0.45)}${belt}`;
}

function sceneSvg(job: Extract<Job, { kind: 'scene' }>): string {
  const rng = new Rng(job.src);
  const id = `s${hash(job.src).toString(36)}`;
  let body: string;
  switch (job.sport) {
    case 'football':
      body = sceneFootball(rng);
      break;
    case 'cycling':
      body = sceneCycling(rng);
      break;
    case 'tennis':
      body = sceneTennis(rng, job.tags);
      break;
    case 'motorsport':
      body = sceneMotorsport(rng);
      break;
    case 'skating':
      body = sceneSkating(rng);
      break;
    case 'hockey':
      body = sceneHockey(rng);
      break;
    case 'athletics':
      body = sceneAthletics(rng);
      break;
    case 'swimming':
      body = sceneSwimming(rng);
      break;
    case 'judo':
      body = sceneJudo(rng);
      break;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${job.width}" height="${job.height}" viewBox="0 0 ${W} ${H}" preserveAspectRatio="xMidYMid slice">
    ${defs(rng, id)}<rect width="${W}" height="${H}" fill="#222"/>${body}${finish(id)}</svg>`;
}

function portraitSvg(job: Extract<Job, { kind: 'portrait' }>): string {
  const rng = new Rng(job.src);
  const [a, b] = rng.pick(ACCENTS);
  const base = rng.pick(['#16324f', '#2b2d42', '#264653', '#3d405b', '#1b4332', '#4a2c2a']);
  const angle = rng.range(0, 360);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
    <rect width="400" height="400" fill="${base}"/>
    <g transform="rotate(${r1(angle)} 200 200)">
      <rect x="-100" y="250" width="600" height="120" fill="${a}" opacity="0.85"/>
      <circle cx="330" cy="70" r="${r1(rng.range(70, 110))}" fill="${b}" opacity="0.7"/>
    </g>
    <circle cx="200" cy="200" r="128" fill="#fff" opacity="0.12"/>
    <text x="200" y="200" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-weight="700" font-size="118" letter-spacing="4" fill="#fff">${job.initials}</text>
  </svg>`;
}

function placeholderSvg(): string {
  const rings = Array.from({ length: 6 }, (_, i) => `<circle cx="640" cy="360" r="${150 + i * 90}" fill="none" stroke="#fff" stroke-opacity="${r1(0.1 - i * 0.012)}" stroke-width="2"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1280 720">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1f2a37"/><stop offset="1" stop-color="#0d1117"/></linearGradient></defs>
    <rect width="1280" height="720" fill="url(#bg)"/>
    <polygon points="0,720 0,540 420,720" fill="#ff6b1a" opacity="0.55"/>
    ${rings}
    <circle cx="640" cy="360" r="96" fill="#fff" opacity="0.14"/>
    <polygon points="610,305 610,415 705,360" fill="#fff" opacity="0.9"/>
  </svg>`;
}

// ---------------------------------------------------------------------------------------------
// Collecting what the content references

function readContent(): { file: string; content: ContentFile }[] {
  return readdirSync(CONTENT_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(CONTENT_DIR, name);
      const parsed = ContentFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${name} is not a valid content file:\n${parsed.error.message}`);
      return { file: name, content: parsed.data };
    });
}

function initialsOf(author: AuthorInput): string {
  const words = author.name.split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** Every local media path the demo content references (images and video files). */
export function collectReferences(files: { content: ContentFile }[]): Set<string> {
  const refs = new Set<string>([PLACEHOLDER]);
  const add = (src: string | undefined) => {
    if (src && src.startsWith('/')) refs.add(src);
  };
  for (const { content } of files) {
    for (const author of content.authors ?? []) add(author.image);
    for (const article of content.articles ?? []) {
      add(article.leadImage?.src);
      for (const block of article.body) {
        if (block.type === 'image') add(block.src);
        if (block.type === 'video') {
          add(block.poster);
          if (block.provider === 'file') add(block.src);
        }
      }
    }
  }
  return refs;
}

/** Every local image path the demo content references, with what to draw there. */
export function collectJobs(files: { content: ContentFile }[]): Map<string, Job> {
  const jobs = new Map<string, Job>();
  const add = (job: Job) => {
    if (!job.src.startsWith('/') || jobs.has(job.src)) return;
    jobs.set(job.src, job);
  };
  add({ kind: 'placeholder', src: PLACEHOLDER });
  for (const { content } of files) {
    for (const author of content.authors ?? []) {
      if (author.image) add({ kind: 'portrait', src: author.image, initials: initialsOf(author) });
    }
    for (const article of content.articles ?? []) {
      const sport = sportFor(article);
      const tags = article.tags ?? [];
      const scene = (src: string, width: number, height: number) => add({ kind: 'scene', src, width, height, sport, tags });
      if (article.leadImage) scene(article.leadImage.src, 1600, 900);
      for (const block of article.body) {
        if (block.type === 'image') scene(block.src, 1600, 900);
        if (block.type === 'video') {
          if (block.poster) scene(block.poster, 1280, 720);
        }
      }
    }
  }
  return jobs;
}

const localPath = (src: string) => path.join(PUBLIC_DIR, ...src.split('/').filter(Boolean));

async function render(job: Job): Promise<number> {
  const target = localPath(job.src);
  mkdirSync(path.dirname(target), { recursive: true });
  let svg: string;
  let quality = 70;
  if (job.kind === 'scene') svg = sceneSvg(job);
  else if (job.kind === 'portrait') {
    svg = portraitSvg(job);
    quality = 78;
  } else svg = placeholderSvg();
  const info = await sharp(Buffer.from(svg)).webp({ quality, effort: 6 }).toFile(target);
  return info.size;
}

function check(refs: Iterable<string>): string[] {
  return [...refs].filter((src) => !existsSync(localPath(src)));
}

async function main() {
  const checkOnly = process.argv.includes('--check');
  const files = readContent();
  const jobs = collectJobs(files);
  if (!checkOnly) {
    let total = 0;
    let largest = { src: '', size: 0 };
    for (const job of jobs.values()) {
      const size = await render(job);
      total += size;
      if (size > largest.size) largest = { src: job.src, size };
    }
    console.log(`wrote ${jobs.size} images, ${(total / 1024).toFixed(0)} KB in total; largest ${largest.src} (${(largest.size / 1024).toFixed(0)} KB)`);
  }
  const refs = collectReferences(files);
  const missing = check(refs);
  if (missing.length > 0) {
    console.error(`missing ${missing.length} referenced file(s):\n  ${missing.join('\n  ')}`);
    process.exit(1);
  }
  const demoDir = path.join(PUBLIC_DIR, 'images', 'demo');
  const stale = existsSync(demoDir) ? readdirSync(demoDir).filter((name) => !refs.has(`/images/demo/${name}`)) : [];
  if (stale.length > 0) {
    if (process.argv.includes('--prune')) {
      for (const name of stale) unlinkSync(path.join(demoDir, name));
      console.log(`pruned ${stale.length} unreferenced file(s) from public/images/demo/`);
    } else {
      console.warn(`${stale.length} file(s) in public/images/demo/ are not referenced (run with --prune to delete):\n  ${stale.join('\n  ')}`);
    }
  }
  const total = [...refs].reduce((sum, src) => sum + statSync(localPath(src)).size, 0);
  console.log(`ok: all ${refs.size} referenced media files exist (${(total / 1024 / 1024).toFixed(2)} MB)`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
