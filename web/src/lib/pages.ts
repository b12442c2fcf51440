/** A page of a paginated list, as the API answers it. */
export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
}

/** For `useInfiniteQuery`: the page after `last`, or undefined when it was the last one. */
export const nextPageParam = (last: PageInfo): number | undefined => (last.page * last.pageSize < last.total ? last.page + 1 : undefined);
