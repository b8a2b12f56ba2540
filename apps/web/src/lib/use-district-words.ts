import { SOURCE_LANGUAGE } from "@wardpanel/i18n";
import { useTranslation } from "react-i18next";

/**
 * The deployment's word for a local authority area on staff pages (which are English): "borough"
 * for London's forces, "district" elsewhere (the catalogues' `force` / `forceElsewhere` blocks, as
 * the layout's useForceWords set them). Redrawn when the site's force words arrive.
 */
export function useDistrictWords(): { district: string; District: string; districts: string } {
  const { i18n } = useTranslation();
  const english = i18n.getFixedT(SOURCE_LANGUAGE);
  return {
    district: english("force.district"),
    District: english("force.District"),
    districts: english("force.districts"),
  };
}
