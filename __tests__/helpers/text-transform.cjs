// Jest transform: a module whose default export is the file's text (for src/core/render/*.page.js).
module.exports = {
  process(sourceText) {
    return { code: `export default ${JSON.stringify(sourceText)};\n` };
  },
};
