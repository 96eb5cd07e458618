// A widget's pure logic (read, compute, describe) by its id, for Node tools
// and tests. Found by folder name, like the bundles build.mjs makes: adding a
// widget edits no list here.
export async function widgetLogic(id) {
  if (typeof id !== "string" || !/^[a-z][a-z0-9_]*$/.test(id)) {
    throw new Error(`no widget called ${JSON.stringify(id)}`);
  }
  try {
    return await import(new URL(`./${id}/logic.js`, import.meta.url).href);
  } catch (e) {
    if (e && e.code === "ERR_MODULE_NOT_FOUND") throw new Error(`no widget called ${JSON.stringify(id)}`);
    throw e;
  }
}
