// Number words in both directions: reading "eight hundred thousand" from prose, and writing a
// sourced value back in the draft's words ("fourth", "two hundred thousand").

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SMALL_ORD = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth',
  'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth',
  'eighteenth', 'nineteenth'];
const TENS_ORD = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];
const SCALES: Array<[number, string]> = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']];

const UNIT_WORDS = new Map<string, number>();
SMALL.forEach((w, i) => UNIT_WORDS.set(w, i));
const TENS_WORDS = new Map<string, number>();
TENS.forEach((w, i) => { if (w) TENS_WORDS.set(w, i * 10); });
const SCALE_WORDS = new Map<string, number>(SCALES.map(([v, w]) => [w, v]));

/** Ordinal words: "fourth" -> 4; tens only ("twentieth"); "twenty-first" is read from two tokens. */
export const ORDINAL_WORDS = new Map<string, number>();
SMALL_ORD.forEach((w, i) => { if (i > 0) ORDINAL_WORDS.set(w, i); });
TENS_ORD.forEach((w, i) => { if (w) ORDINAL_WORDS.set(w, i * 10); });
ORDINAL_WORDS.set('hundredth', 100);
ORDINAL_WORDS.set('thousandth', 1000);

/** Words that can start or continue a spelled-out number. */
export const isNumberWord = (w: string): boolean =>
  UNIT_WORDS.has(w) || TENS_WORDS.has(w) || SCALE_WORDS.has(w) || w === 'hundred' || w === 'dozen';

/** Every number or ordinal word, for a one-lookup test of whether a word may start a figure. */
export const NUMBER_OR_ORDINAL_WORDS: ReadonlySet<string> = new Set([
  ...UNIT_WORDS.keys(), ...TENS_WORDS.keys(), ...SCALE_WORDS.keys(), 'hundred', 'dozen', ...ORDINAL_WORDS.keys(),
]);

export const tensValue = (w: string): number | undefined => TENS_WORDS.get(w);
export const unitValue = (w: string): number | undefined => UNIT_WORDS.get(w);
export const scaleValue = (w: string): number | undefined => SCALE_WORDS.get(w);

type Last = 'none' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale';

/**
 * Reads a spelled-out number one word at a time, refusing words that cannot continue it, so the
 * caller stops at "two three" or "twenty thirty". Hyphens and "and" are the caller's business.
 */
export class WordNumber {
  private total = 0;
  private group = 0;
  private last: Last = 'none';
  private lastScale = Infinity;

  /** Starts from "a" ("a hundred", "a million", "a dozen"). */
  static fromArticle(): WordNumber {
    const w = new WordNumber();
    w.group = 1;
    w.last = 'unit';
    return w;
  }

  get value(): number {
    return this.total + this.group;
  }

  /** True when the last word was a scale after which "and" may continue ("two hundred and five"). */
  get mayTakeAnd(): boolean {
    return this.last === 'hundred' || this.last === 'scale';
  }

  get endsWithTens(): boolean {
    return this.last === 'tens';
  }

  push(w: string): boolean {
    const u = UNIT_WORDS.get(w);
    if (u !== undefined) {
      if (u < 10 && u > 0 && (this.last === 'none' || this.last === 'tens' || this.last === 'hundred' || this.last === 'scale')) {
        this.group += u;
        this.last = 'unit';
        return true;
      }
      if ((u >= 10 || u === 0) && (this.last === 'none' || this.last === 'hundred' || this.last === 'scale')) {
        if (u === 0 && this.last !== 'none') return false;
        this.group += u;
        this.last = 'teen';
        return true;
      }
      return false;
    }
    const t = TENS_WORDS.get(w);
    if (t !== undefined) {
      if (this.last === 'none' || this.last === 'hundred' || this.last === 'scale') {
        this.group += t;
        this.last = 'tens';
        return true;
      }
      return false;
    }
    if (w === 'hundred' || w === 'dozen') {
      if ((this.last === 'unit' || this.last === 'teen') && this.group > 0 && this.group < 100) {
        this.group *= w === 'hundred' ? 100 : 12;
        this.last = 'hundred';
        return true;
      }
      return false;
    }
    const s = SCALE_WORDS.get(w);
    if (s !== undefined) {
      if (this.last !== 'none' && this.last !== 'scale' && this.group > 0 && s < this.lastScale) {
        this.total += this.group * s;
        this.group = 0;
        this.lastScale = s;
        this.last = 'scale';
        return true;
      }
      return false;
    }
    return false;
  }
}

function below1000(n: number): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  const parts: string[] = [];
  if (h) parts.push(`${SMALL[h]} hundred`);
  if (r) parts.push(r < 20 ? SMALL[r]! : TENS[Math.floor(r / 10)]! + (r % 10 ? `-${SMALL[r % 10]}` : ''));
  return parts.join(' ');
}

/**
 * "eight hundred thousand", "twenty-five", "two and a half". Integers up to the trillions; other
 * values come back as digits, which is how news style writes them anyway.
 */
export function numberToWords(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n < 0) return `minus ${numberToWords(-n)}`;
  if (!Number.isInteger(n)) {
    const whole = Math.floor(n);
    if (n - whole === 0.5 && whole < 1e15) return whole === 0 ? 'a half' : `${numberToWords(whole)} and a half`;
    return String(n);
  }
  if (n >= 1e15) return String(n);
  if (n === 0) return 'zero';
  const parts: string[] = [];
  let rest = n;
  for (const [value, word] of SCALES) {
    const q = Math.floor(rest / value);
    if (q) {
      parts.push(`${below1000(q)} ${word}`);
      rest -= q * value;
    }
  }
  if (rest) parts.push(below1000(rest));
  return parts.join(' ');
}

/** "fourth", "twenty-first", "one hundredth". */
export function ordinalToWords(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 1e15) return `${n}${ordinalSuffix(n)}`;
  const r = n % 100;
  const head = n - r;
  let tail: string;
  if (r === 0) {
    const words = numberToWords(n);
    return words.endsWith('y') ? `${words.slice(0, -1)}ieth` : `${words}th`;
  } else if (r < 20) tail = SMALL_ORD[r]!;
  else if (r % 10 === 0) tail = TENS_ORD[r / 10]!;
  else tail = `${TENS[Math.floor(r / 10)]}-${SMALL_ORD[r % 10]}`;
  return head ? `${numberToWords(head)} ${tail}` : tail;
}

export function ordinalSuffix(n: number): string {
  const r100 = Math.abs(n) % 100;
  if (r100 >= 11 && r100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][Math.abs(n) % 10] ?? 'th';
}
