import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Java EPUBCheck over many books in one JVM: starting Java once per book is
 * most of the time a small book takes on a shared machine. For each book it
 * prints `BOOK <fatals> <errors> <warnings> <path>`, then that book's
 * messages as EPUBCheck words them, one a line.
 */
public class EpubcheckMany {
  public static void main(String[] paths) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    for (String path : paths) {
      ByteArrayOutputStream said = new ByteArrayOutputStream();
      PrintStream capture = new PrintStream(said, true, StandardCharsets.UTF_8);
      System.setOut(capture);
      System.setErr(capture);
      DefaultReportImpl report = new DefaultReportImpl(path);
      try {
        new EpubCheck(new File(path), report).doValidate();
      } finally {
        System.setOut(out);
        System.setErr(err);
      }
      out.println("BOOK " + report.getFatalErrorCount() + " " + report.getErrorCount() + " " + report.getWarningCount() + " " + path);
      for (String line : said.toString(StandardCharsets.UTF_8).split("\n")) {
        if (line.matches("^(FATAL|ERROR|WARNING).*")) out.println(line);
      }
    }
  }
}
