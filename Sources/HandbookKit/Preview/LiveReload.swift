import Foundation

/// The script `handbook serve` adds to every HTML page it serves (never to the files on disk): it long-polls
/// the server, reloads the page after a good build and shows the diagnostics of a failed one over the page.
enum LiveReload {
    /// The long-poll endpoint: `?since=N` answers when the build generation passes N, or after `wait` seconds.
    static let endpoint = "/__handbook/changes"

    /// What the endpoint answers: `{"errors":null,"generation":3,"ok":true}`.
    struct State: Codable, Equatable, Sendable {
        var generation: Int
        var ok: Bool
        var errors: String?
    }

    /// `html` with the script inserted before its last `</body>` (or at the end when there is none).
    static func inject(into html: Data, state: State) -> Data {
        let script = Data(self.script(state).utf8)
        let bytes = [UInt8](html)
        let closing = Array("</body>".utf8)
        var index = bytes.count - closing.count
        while index >= 0 {
            if zip(bytes[index..<index + closing.count], closing).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }) {
                var result = Data(bytes[..<index])
                result.append(script)
                result.append(contentsOf: bytes[index...])
                return result
            }
            index -= 1
        }
        return html + script
    }

    static func json(_ state: State) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(state)) ?? Data("{}".utf8)
    }

    static func script(_ state: State) -> String {
        // "</" inside the JSON would end the script element early.
        let initial = String(decoding: json(state), as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
        return """
            <script data-handbook-live>
            (function () {
              var state = \(initial);
              var generation = state.generation;
              function overlay(text) {
                var box = document.getElementById('handbook-live-overlay');
                if (!text) { if (box) box.remove(); return; }
                if (!box) {
                  box = document.createElement('div');
                  box.id = 'handbook-live-overlay';
                  box.setAttribute('role', 'alert');
                  box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;' +
                    'background:rgba(24,24,27,.94);color:#fafafa;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace';
                  var heading = document.createElement('p');
                  heading.style.cssText = 'margin:0 0 1rem;font-weight:bold;color:#fca5a5';
                  heading.textContent = 'The site did not build. This page is the last good build; it reloads when the errors are fixed.';
                  var close = document.createElement('button');
                  close.type = 'button';
                  close.textContent = 'Close';
                  close.style.cssText = 'float:right;font:inherit';
                  close.onclick = function () { box.remove(); };
                  var pre = document.createElement('pre');
                  pre.style.cssText = 'margin:0;white-space:pre-wrap';
                  box.append(close, heading, pre);
                  document.body.appendChild(box);
                }
                box.querySelector('pre').textContent = text;
              }
              function poll() {
                fetch('\(endpoint)?since=' + generation, { cache: 'no-store' })
                  .then(function (response) { return response.json(); })
                  .then(function (next) {
                    if (next.generation > generation) {
                      if (next.ok) { location.reload(); return; }
                      generation = next.generation;
                      overlay(next.errors);
                    }
                    poll();
                  }, function () { setTimeout(poll, 1000); });
              }
              if (!state.ok) {
                if (document.body) overlay(state.errors);
                else document.addEventListener('DOMContentLoaded', function () { overlay(state.errors); });
              }
              poll();
            })();
            </script>

            """
    }
}
