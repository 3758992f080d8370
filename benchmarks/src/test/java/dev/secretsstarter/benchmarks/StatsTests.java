package dev.secretsstarter.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StatsTests {

	@Test
	void medianOfAnOddSampleIsItsMiddleValue() {
		assertThat(Stats.of(List.of(5, 1, 3))).isEqualTo(new Stats(3, 3, 1, 5));
	}

	@Test
	void medianOfAnEvenSampleIsTheMeanOfTheTwoMiddleValues() {
		assertThat(Stats.of(List.of(4, 1, 3, 2)).median()).isEqualTo(2.5);
	}

	@Test
	void percentileUsesTheNearestRank() {
		List<Integer> values = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
		assertThat(Stats.percentile(values, 95)).isEqualTo(19);
		assertThat(Stats.percentile(values, 50)).isEqualTo(10);
	}

	@Test
	void formatShowsTheMedianThenTheRange() {
		assertThat(Stats.of(List.of(1.0, 2.0, 4.0)).format(1)).isEqualTo("2.0 (1.0–4.0)");
	}

	@Test
	void anEmptySampleIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Stats.of(List.of()));
	}

}
