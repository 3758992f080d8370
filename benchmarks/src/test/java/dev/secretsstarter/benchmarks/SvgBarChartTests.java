package dev.secretsstarter.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SvgBarChartTests {

	@Test
	void rendersOneBarPerSeriesAndGroupWithItsMedian() {
		String svg = new SvgBarChart("Title", "ms", List.of("N = 0", "N = 1"))
			.bar("a", "N = 0", new Stats(3, 10, 8, 12))
			.bar("a", "N = 1", new Stats(3, 20, 18, 25))
			.bar("b", "N = 0", new Stats(3, 5, 4, 6))
			.render();
		assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
		assertThat(svg.split("<title>", -1)).hasSize(4);
		assertThat(svg).contains("<title>a N = 1: 20</title>");
	}

	@Test
	void escapesTextForXml() {
		assertThat(new SvgBarChart("a < b & c", "ms", List.of()).render()).contains("a &lt; b &amp; c");
	}

}
