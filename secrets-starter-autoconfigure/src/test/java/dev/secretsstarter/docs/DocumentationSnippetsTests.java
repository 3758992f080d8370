package dev.secretsstarter.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java snippets in the docs are copies of tagged regions of compiled sources (samples and
 * tests), so every snippet compiles. In Markdown, a snippet is announced by a comment
 * {@code <!-- snippet: samples/quickstart/src/main/java/…/PartnerApiClient.java#secret-value -->}
 * right before its fenced block; in the source, the region sits between {@code // tag::name[]}
 * and {@code // end::name[]}. The comparison ignores common indentation.
 */
class DocumentationSnippetsTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern SNIPPET = Pattern
		.compile("<!-- snippet: (\\S+?)#(\\S+) -->\\s*\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

	@Test
	void everyAnnouncedSnippetMatchesItsTaggedSourceRegion() throws IOException {
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (Path markdown : markdownFiles()) {
			Matcher matcher = SNIPPET.matcher(Files.readString(markdown));
			while (matcher.find()) {
				checked++;
				Path source = ROOT.resolve(matcher.group(1));
				String where = ROOT.relativize(markdown) + " -> " + matcher.group(1) + "#" + matcher.group(2);
				if (!Files.exists(source)) {
					problems.add(where + ": source file does not exist");
					continue;
				}
				String region = region(Files.readString(source), matcher.group(2));
				if (region == null) {
					problems.add(where + ": no region // tag::" + matcher.group(2) + "[] ... // end::" + matcher.group(2)
							+ "[]");
				}
				else if (!normalize(region).equals(normalize(matcher.group(3)))) {
					problems.add(where + ": the snippet differs from the source region; copy the region into the doc");
				}
			}
		}
		assertThat(problems).as("documentation snippets").isEmpty();
		assertThat(checked).as("snippets checked").isPositive();
	}

	private static List<Path> markdownFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		files.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		try (Stream<Path> samples = Files.walk(ROOT.resolve("samples"), 2)) {
			samples.filter((path) -> path.getFileName().toString().equals("README.md")).sorted().forEach(files::add);
		}
		return files;
	}

	static String region(String source, String tag) {
		int start = source.indexOf("// tag::" + tag + "[]");
		int end = source.indexOf("// end::" + tag + "[]");
		if (start < 0 || end < start) {
			return null;
		}
		return source.substring(source.indexOf('\n', start) + 1, source.lastIndexOf('\n', end));
	}

	static String normalize(String code) {
		List<String> lines = code.replace("\t", "    ").lines().toList();
		int indent = lines.stream()
			.filter((line) -> !line.isBlank())
			.mapToInt((line) -> line.length() - line.stripLeading().length())
			.min()
			.orElse(0);
		StringBuilder out = new StringBuilder();
		for (String line : lines) {
			out.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
		}
		return out.toString().strip();
	}

}
