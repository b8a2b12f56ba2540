import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";

const linkClass = "inline-flex min-h-11 items-center text-blue-800 underline";

/**
 * The ways out of an error: "Try again" when the caller can retry, "Back to the previous page" when
 * the browser has one, the ward's page when the address names a ward (the staff page under /staff,
 * the public one otherwise), and home (/staff for staff pages, / for the public).
 */
export function WayBack({ retry }: { retry?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { wardCode } = useParams();
  const { pathname } = useLocation();
  const staff = pathname.startsWith("/staff");
  const home = staff ? "/staff" : "/";
  const ward = wardCode ? `${staff ? "/staff" : ""}/wards/${wardCode}` : null;
  // A tab opened at this address has nothing to go back to (a history of one entry).
  const hasPrevious = window.history.length > 1;
  return (
    <ul aria-label={t("status.waysBack")} className="mt-1 flex flex-wrap gap-x-4">
      {retry && (
        <li>
          <button type="button" onClick={retry} className={linkClass}>
            {t("status.tryAgain")}
          </button>
        </li>
      )}
      {hasPrevious && (
        <li>
          <button type="button" onClick={() => void navigate(-1)} className={linkClass}>
            {t("status.previousPage")}
          </button>
        </li>
      )}
      {ward && ward !== pathname && (
        <li>
          <Link to={ward} className={linkClass}>
            {t("status.wardPage")}
          </Link>
        </li>
      )}
      {home !== pathname && (
        <li>
          <Link to={home} className={linkClass}>
            {staff ? t("status.staffHome") : t("status.home")}
          </Link>
        </li>
      )}
    </ul>
  );
}
