import { useViewer } from "./use-viewer";

/** What the signed-in person may do for a ward; the server checks again on every call. */
export function useWardPermissions(wardCode: string) {
  const { viewer } = useViewer();
  const holds = (...roles: string[]) => viewer?.roles.some((r) => r.role === "admin" || (roles.includes(r.role) && r.wardCode === wardCode)) ?? false;
  return { canOrganise: holds("sergeant", "chair"), canRecord: holds("sergeant", "chair", "minute_taker") };
}
