package dev.secretsstarter.local;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ListingIntegrationTests extends AbstractServerIntegrationTests {

	private void create(String name, String description, String tagKey, String tagValue) {
		this.client.createSecret((r) -> r.name(name).secretString("dummy").description(description)
			.tags(Tag.builder().key(tagKey).value(tagValue).build()));
	}

	private List<String> names(FilterNameStringType key, String... values) {
		return this.client.listSecrets((r) -> r.filters(Filter.builder().key(key).values(values).build()))
			.secretList()
			.stream()
			.map(SecretListEntry::name)
			.toList();
	}

	@Test
	void filtersByNamePrefix() {
		create("db/one", "first", "team", "a");
		create("db/two", "second", "team", "b");
		create("api/key", "third", "owner", "c");
		assertThat(names(FilterNameStringType.NAME, "db/")).containsExactly("db/one", "db/two");
	}

	@Test
	void negatedFilterValueExcludes() {
		create("db/one", "first", "team", "a");
		create("api/key", "third", "owner", "c");
		assertThat(names(FilterNameStringType.NAME, "!db/")).containsExactly("api/key");
	}

	@Test
	void filtersByDescriptionTagKeyAndTagValue() {
		create("db/one", "First database", "team", "alpha");
		create("db/two", "second", "owner", "beta");
		assertThat(names(FilterNameStringType.DESCRIPTION, "first")).containsExactly("db/one");
		assertThat(names(FilterNameStringType.TAG_KEY, "own")).containsExactly("db/two");
		assertThat(names(FilterNameStringType.TAG_VALUE, "alp")).containsExactly("db/one");
	}

	@Test
	void filtersByAllAttributes() {
		create("db/one", "First database", "team", "alpha");
		create("db/two", "second", "owner", "beta");
		assertThat(names(FilterNameStringType.ALL, "beta")).containsExactly("db/two");
		assertThat(names(FilterNameStringType.ALL, "one")).containsExactly("db/one");
	}

	@Test
	void filtersByPrimaryRegion() {
		create("db/one", "d", "k", "v");
		assertThat(names(FilterNameStringType.PRIMARY_REGION, "us-east-1")).containsExactly("db/one");
		assertThat(names(FilterNameStringType.PRIMARY_REGION, "eu-")).isEmpty();
	}

	@Test
	void sortOrderDescendingReversesCreationOrder() {
		create("a", "d", "k", "v");
		this.clock.advance(java.time.Duration.ofSeconds(1));
		create("b", "d", "k", "v");
		assertThat(this.client.listSecrets((r) -> r.sortOrder(SortOrderType.DESC)).secretList())
			.extracting(SecretListEntry::name)
			.containsExactly("b", "a");
	}

	@Test
	void listSecretsPaginatesWithMaxResultsAndNextToken() {
		IntStream.range(0, 7).forEach((i) -> this.server.createSecret("s" + i, "dummy"));
		List<String> seen = new ArrayList<>();
		this.client.listSecretsPaginator((r) -> r.maxResults(3))
			.forEach((page) -> page.secretList().forEach((s) -> seen.add(s.name())));
		assertThat(seen).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6");
	}

	@Test
	void listEntriesShowVersionsToStages() {
		String versionId = this.client.createSecret((r) -> r.name("s").secretString("dummy")).versionId();
		assertThat(this.client.listSecrets().secretList().get(0).secretVersionsToStages())
			.containsEntry(versionId, List.of("AWSCURRENT"));
	}

	@Test
	void batchGetReturnsValuesAndPerSecretErrors() {
		this.server.createSecret("a", "dummy-a");
		this.server.createSecret("b", "dummy-b");
		BatchGetSecretValueResponse response = this.client
			.batchGetSecretValue((r) -> r.secretIdList("a", "missing", "b"));
		assertThat(response.secretValues()).extracting(SecretValueEntry::secretString)
			.containsExactly("dummy-a", "dummy-b");
		assertThat(response.errors()).singleElement().satisfies((error) -> {
			assertThat(error.secretId()).isEqualTo("missing");
			assertThat(error.errorCode()).isEqualTo("ResourceNotFoundException");
		});
	}

	@Test
	void batchGetRefusesMoreThanTwentyIds() {
		List<String> ids = IntStream.range(0, 21).mapToObj((i) -> "s" + i).toList();
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.client.batchGetSecretValue((r) -> r.secretIdList(ids)));
	}

	@Test
	void batchGetByFilterPaginates() {
		IntStream.range(0, 25).forEach((i) -> this.server.createSecret("app/s" + i, "dummy-" + i));
		this.server.createSecret("other", "dummy");
		List<String> values = new ArrayList<>();
		int pages = 0;
		for (var page : this.client.batchGetSecretValuePaginator(
				(r) -> r.filters(Filter.builder().key(FilterNameStringType.NAME).values("app/").build()))) {
			pages++;
			page.secretValues().forEach((v) -> values.add(v.secretString()));
		}
		assertThat(pages).isEqualTo(2);
		assertThat(values).hasSize(25).doesNotContain("dummy");
	}

}
