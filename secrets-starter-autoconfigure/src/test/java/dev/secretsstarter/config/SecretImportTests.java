package dev.secretsstarter.config;

import dev.secretsstarter.autoconfigure.InvalidSecretsConfigurationException;
import dev.secretsstarter.cache.SecretKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SecretImportTests {

	@Test
	void semicolonSeparatedIdsAreTrimmed() {
		assertThat(SecretImport.parse(" db/credentials ; api/key;")).extracting(SecretImport::id)
			.containsExactly("db/credentials", "api/key");
	}

	@Test
	void prefixAppliesToItsEntryOnly() {
		assertThat(SecretImport.parse("db/credentials?prefix=db.;api/key")).extracting(SecretImport::propertyPrefix)
			.containsExactly("db.", "");
	}

	@Test
	void versionStageSelectsTheKey() {
		SecretImport entry = SecretImport.parse("db/credentials?version-stage=AWSPREVIOUS&prefix=old.").get(0);
		assertThat(entry.keyFor(entry.id())).isEqualTo(SecretKey.stage("db/credentials", "AWSPREVIOUS"));
		assertThat(entry.propertyPrefix()).isEqualTo("old.");
	}

	@Test
	void versionIdSelectsTheKey() {
		SecretImport entry = SecretImport.parse("db/credentials?version-id=v-1").get(0);
		assertThat(entry.keyFor(entry.id())).isEqualTo(SecretKey.version("db/credentials", "v-1"));
	}

	@Test
	void trailingStarImportsANamePrefix() {
		SecretImport entry = SecretImport.parse("app/prod/*").get(0);
		assertThat(entry.namePrefix()).isTrue();
		assertThat(entry.id()).isEqualTo("app/prod/");
	}

	@Test
	void arnIsAnId() {
		String arn = "arn:aws:secretsmanager:us-east-1:000000000000:secret:db/credentials-AbCdEf";
		assertThat(SecretImport.parse(arn).get(0).id()).isEqualTo(arn);
	}

	@Test
	void unknownOptionIsRejectedNamingIt() {
		assertThatExceptionOfType(InvalidSecretsConfigurationException.class)
			.isThrownBy(() -> SecretImport.parse("db?stage=AWSPREVIOUS"))
			.withMessageContaining("unknown option 'stage'");
	}

	@Test
	void strayQuestionMarkIsRejectedAsAnEmptyOption() {
		assertThatExceptionOfType(InvalidSecretsConfigurationException.class)
			.isThrownBy(() -> SecretImport.parse("db?"))
			.withMessageContaining("empty option")
			.withMessageContaining("stray '?'");
	}

	@Test
	void stageAndVersionIdTogetherAreRejected() {
		assertThatExceptionOfType(InvalidSecretsConfigurationException.class)
			.isThrownBy(() -> SecretImport.parse("db?version-stage=AWSCURRENT&version-id=v"))
			.withMessageContaining("both version-stage and version-id");
	}

}
