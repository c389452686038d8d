// How to cite an indicator: GB/T 7714-2015 (the Chinese national standard for references; an online dataset is
// typed [DS/OL], followed by (update date)[citation date] and the address) and a plain form for memos.
import type { Lang } from './i18n.ts';
import { formatDate } from './format.ts';

export interface CitationInput {
  /** Who is responsible: the dashboard's name in the reader's language. */
  author: string;
  /** The indicator's title in the reader's language. */
  title: string;
  /** Data as-of date (YYYY-MM-DD): GB/T 7714's update date. */
  updated: string | null;
  /** The day the reader consulted it (YYYY-MM-DD). */
  accessed: string;
  /** Absolute address of the indicator (or the path, when the host is not known at build time). */
  url: string;
  /** Adds "示例数据" / "sample data" to the title, so a quoted synthetic figure is never mistaken for a real one. */
  synthetic?: boolean;
}

function titleWithMarker(i: CitationInput, lang: Lang): string {
  if (!i.synthetic) return i.title;
  return lang === 'zh' ? `${i.title}（示例数据）` : `${i.title} (sample data)`;
}

/** Strips a trailing full stop so the standard's own punctuation is not doubled. */
function clean(s: string): string {
  return s.trim().replace(/[.。]$/, '');
}

/**
 * GB/T 7714-2015 form: 主要责任者. 题名[DS/OL]. (更新日期)[引用日期]. 获取和访问路径.
 * The standard uses Western punctuation (". ") in both languages.
 */
export function citeGbt7714(i: CitationInput, lang: Lang): string {
  const updated = i.updated ? `(${i.updated})` : '';
  return `${clean(i.author)}. ${clean(titleWithMarker(i, lang))}[DS/OL]. ${updated}[${i.accessed}]. ${i.url}.`;
}

/** A plain sentence for memos and slides. */
export function citePlain(i: CitationInput, lang: Lang): string {
  const title = clean(titleWithMarker(i, lang));
  if (lang === 'zh') {
    const asOf = i.updated ? `，数据截至${formatDate(i.updated, 'zh')}` : '';
    return `来源：${clean(i.author)}《${title}》${asOf}，${i.url}（${formatDate(i.accessed, 'zh')}访问）。`;
  }
  const asOf = i.updated ? `, data as of ${formatDate(i.updated, 'en')}` : '';
  return `Source: ${clean(i.author)}, “${title}”${asOf}, ${i.url} (accessed ${formatDate(i.accessed, 'en')}).`;
}
