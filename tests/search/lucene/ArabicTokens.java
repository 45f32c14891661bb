import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Prints Lucene's ArabicAnalyzer tokens for each line read on stdin: one output line per input line,
 * tokens separated by tabs. With --offsets each token is printed as start,end,term where start and end
 * count Unicode code points (as Python does), not UTF-16 units.
 */
public final class ArabicTokens {
    public static void main(String[] args) throws IOException {
        boolean offsets = args.length > 0 && args[0].equals("--offsets");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        try (ArabicAnalyzer analyzer = new ArabicAnalyzer()) {
            String line;
            while ((line = in.readLine()) != null) {
                try (TokenStream stream = analyzer.tokenStream("text", line)) {
                    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                    OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                    stream.reset();
                    boolean first = true;
                    while (stream.incrementToken()) {
                        if (!first) {
                            out.write('\t');
                        }
                        first = false;
                        if (offsets) {
                            out.write(line.codePointCount(0, offset.startOffset()) + ","
                                    + line.codePointCount(0, offset.endOffset()) + ",");
                        }
                        out.append(term);
                    }
                    stream.end();
                }
                out.write('\n');
            }
        }
        out.flush();
    }
}
