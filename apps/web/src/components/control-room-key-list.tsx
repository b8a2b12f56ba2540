import { useMutation, useQuery } from "@tanstack/react-query";

import { useTRPC } from "../lib/trpc";
import { useChange } from "../lib/use-change";
import { useSiteArea } from "../lib/use-site-area";
import { ChangeStatus } from "./change-status";
import { ConfirmButton } from "./confirm-button";
import { LoadError, Loading } from "./status";
import { When } from "./when";

const when = (date: Date | string | null) => (date ? <When value={date} as="dateTime" /> : "never");

/** Every key with its scope and last use; live keys can be revoked at once. */
export function ControlRoomKeyList() {
  const area = useSiteArea();
  const trpc = useTRPC();
  const change = useChange(trpc.feedAdmin.pathFilter());
  const keys = useQuery(trpc.feedAdmin.apiKeys.queryOptions());
  const boroughs = useQuery(trpc.wards.boroughs.queryOptions());
  const revoke = useMutation(trpc.feedAdmin.revokeApiKey.mutationOptions());
  const boroughName = (code: string) => boroughs.data?.find((b) => b.code === code)?.name ?? code;

  if (keys.isLoading) return <Loading />;
  if (keys.error) return <LoadError error={keys.error} />;
  if (!keys.data?.length) return <p>No control room has a key yet.</p>;
  // The table scrolls within itself on a phone rather than widening the page (WCAG 1.4.10); its buttons take the focus.
  return (
    <div className="overflow-x-auto">
      <ChangeStatus change={change} />
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Control rooms’ keys</caption>
        <thead>
          <tr className="border-b-2 border-slate-800">
            <th scope="col" className="p-2">
              Control room
            </th>
            <th scope="col" className="p-2">
              Key starts
            </th>
            <th scope="col" className="p-2">
              Reads
            </th>
            <th scope="col" className="p-2">
              Last used
            </th>
            <th scope="col" className="p-2">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.data.map((key) => (
            <tr key={key.id} className="border-b border-slate-300 align-top">
              <th scope="row" className="p-2 font-semibold">
                {key.name}
              </th>
              <td className="p-2 font-mono">{key.prefix}…</td>
              <td className="p-2">
                {key.boroughCodes.length ? key.boroughCodes.map(boroughName).join(", ") : `All of ${area}`}
              </td>
              <td className="p-2">{when(key.lastUsedAt)}</td>
              <td className="p-2">
                {key.revokedAt ? (
                  <>Revoked {when(key.revokedAt)}</>
                ) : (
                  <ConfirmButton
                    label={`Revoke ${key.name}’s key`}
                    question={
                      <p>
                        {key.name} will lose the feed at once, and its webhooks stop. This cannot be undone: issue a new
                        key instead.
                      </p>
                    }
                    confirmLabel="Revoke key"
                    danger
                    onConfirm={() =>
                      change.run(() => revoke.mutateAsync({ id: key.id }), {
                        done: `${key.name}’s key is revoked.`,
                        failed: "Not revoked",
                      })
                    }
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Where each control room's notices go, and whether they are getting through. */
export function ControlRoomWebhookList() {
  const trpc = useTRPC();
  const hooks = useQuery(trpc.feedAdmin.webhooks.queryOptions());
  if (hooks.isLoading) return <Loading />;
  if (hooks.error) return <LoadError error={hooks.error} />;
  if (!hooks.data?.length)
    return <p>No control room has registered a webhook. They do it with their key (see the feed reference).</p>;
  return (
    <ul className="grid gap-2">
      {hooks.data.map((hook) => (
        <li key={hook.id} className="rounded border border-slate-400 p-3">
          <p className="font-semibold">
            {hook.apiKeyName}
            {hook.isKeyRevoked ? " (key revoked)" : ""}
          </p>
          <p className="break-all font-mono text-sm">{hook.url}</p>
          <p>
            Last delivered {when(hook.lastDeliveredAt)}; {hook.pending} waiting; {hook.failed} given up.
          </p>
        </li>
      ))}
    </ul>
  );
}
