/** A run of excerpt text, marked when it matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}
