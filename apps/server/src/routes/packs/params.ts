import { WardCode } from "@wardpanel/validators";

/** A ward code and a YYYY-MM month from a path, or null (answered as "not found"). */
export function packRefOf(params: { wardCode: string; month: string }): { wardCode: string; month: string } | null {
  const ward = WardCode.safeParse(params.wardCode);
  if (!ward.success || !/^\d{4}-(0[1-9]|1[0-2])$/.test(params.month)) return null;
  return { wardCode: ward.data, month: params.month };
}
