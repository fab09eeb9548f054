/** Builds the console into console/dist unless it already holds a build of these sources. */
export function ensureConsoleBuilt(options?: {
  force?: boolean;
  log?: (message: string) => void;
}): Promise<boolean>;
