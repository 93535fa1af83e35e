// ai-chatbot-artifact: leftover chatbot text, by literal high-precision patterns only (markers.md).

import type { Finding } from '../findings';
import { message } from '../messages';
import type { SourceFile } from '../source-file';
import { range } from '../text';

export function aiChatbotArtifact(file: SourceFile): Finding[] {
  return file.markers.artifacts.map((a): Finding => {
    const r = range(a.line, a.start, a.end);
    return { rule: 'ai-chatbot-artifact', severity: 'warning', range: r, message: message('ai-chatbot-artifact', { text: a.text }), fix: { kind: 'replace', range: r, text: '', safe: false } };
  });
}
