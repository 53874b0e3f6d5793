/**
 * The server's settings, with the camelCase keys the server reads from initializationOptions
 * and from workspace/configuration section "asyncls".
 */
export interface ServerSettings {
  select?: string[];
  extendSelect?: string[];
  ignore?: string[];
  latency?: Record<string, string>;
  debounceMs?: number;
  logLevel?: string;
}

/** Where settings come from; `explicit` returns only values a user actually set. */
export interface SettingsSource {
  explicit<T>(key: string): T | undefined;
}

const LOG_LEVELS = new Set(["error", "warn", "info", "debug"]);

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const items = value.filter((item): item is string => typeof item === "string" && item.trim() !== "");
  return items.map((item) => item.trim());
}

/**
 * Builds the settings object sent to the server. Keys the user did not set are left out,
 * so `[tool.asyncls]` in pyproject.toml applies for them.
 */
export function readSettings(source: SettingsSource): ServerSettings {
  const settings: ServerSettings = {};
  const select = stringList(source.explicit<unknown>("select"));
  if (select) {
    settings.select = select;
  }
  const extendSelect = stringList(source.explicit<unknown>("extendSelect"));
  if (extendSelect) {
    settings.extendSelect = extendSelect;
  }
  const ignore = stringList(source.explicit<unknown>("ignore"));
  if (ignore) {
    settings.ignore = ignore;
  }
  const latency = source.explicit<unknown>("latency");
  if (latency && typeof latency === "object" && !Array.isArray(latency)) {
    const entries = Object.entries(latency as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    );
    if (entries.length > 0) {
      settings.latency = Object.fromEntries(entries);
    }
  }
  const debounceMs = source.explicit<unknown>("debounceMs");
  if (typeof debounceMs === "number" && Number.isFinite(debounceMs) && debounceMs >= 0) {
    settings.debounceMs = Math.round(debounceMs);
  }
  const logLevel = source.explicit<unknown>("logLevel");
  if (typeof logLevel === "string" && LOG_LEVELS.has(logLevel)) {
    settings.logLevel = logLevel;
  }
  return settings;
}
