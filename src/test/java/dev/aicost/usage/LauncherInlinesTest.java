package dev.aicost.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The launcher asks the JIT to inline scanner methods by name, and the JVM says nothing (quietly)
 * when a name matches no method: every name it gives must still be one of the scanner's.
 */
class LauncherInlinesTest {
    @Test
    void everyMethodTheLauncherInlinesExists() throws Exception {
        String launcher = Files.readString(Path.of("aicost"));
        Matcher loop = Pattern.compile("for method in ([^;]+); do").matcher(launcher);
        assertThat(loop.find()).as("the launcher's list of inlined methods").isTrue();
        List<String> names = Arrays.stream(loop.group(1).trim().split("\\s+")).map(n -> n.replace("'", "")).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(5);
        for (String name : names) {
            Class<?> owner = FastRecordScanner.class;
            String method = name;
            if (name.startsWith("$")) { // a nested class's: $Words::at
                owner = Class.forName(FastRecordScanner.class.getName() + name.substring(0, name.indexOf("::")));
                method = name.substring(name.indexOf("::") + 2);
            }
            String wanted = method;
            assertThat(Arrays.stream(owner.getDeclaredMethods()).anyMatch(m -> m.getName().equals(wanted)))
                    .as("%s has a method %s", owner.getSimpleName(), wanted).isTrue();
        }
    }
}
