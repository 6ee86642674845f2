export { getArticle, publish, saveDraft } from './article.service';
export type { ArticleInput } from './article.service';
export { listCategories, reorderCategories } from './categories';
export type { CategoryNode } from './categories';
export { searchArticles } from './search';
export type { ArticleHit } from './search';
export { helpfulness } from './related-tickets';
export { recordRevision, revisionsOf } from './revision-log';
