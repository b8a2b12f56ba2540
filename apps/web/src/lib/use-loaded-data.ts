import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "./trpc";

/**
 * What the site has loaded (`site.loadedData`): examples for the ward search from its own
 * postcodes and wards, and which postcode files it holds. Undefined until the answer arrives.
 */
export function useLoadedData() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.site.loadedData.queryOptions(), staleTime: Infinity }).data;
}
