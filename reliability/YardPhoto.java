import com.yarda.test.YardPhotos;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a photo of a yard that passes the service's photo check, made by the tests' own {@link YardPhotos} (so run
 * it with {@code --class-path target/test-classes}): {@code java --class-path target/test-classes
 * reliability/YardPhoto.java OUT.jpg [WIDTH HEIGHT]}.
 */
public class YardPhoto {
    public static void main(String[] args) throws Exception {
        int width = args.length > 2 ? Integer.parseInt(args[1]) : 1280;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 960;
        Files.write(Path.of(args[0]), YardPhotos.jpeg(YardPhotos.yard(width, height)));
    }
}
