package dev.secretsstarter.benchmarks.apps;

import dev.secretsstarter.inject.SecretHandle;
import dev.secretsstarter.inject.SecretValue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * For secrets-starter only: a bean holding a live handle on {@code bench/s000}, the other way our
 * users see a rotated value (no rebinding involved).
 *
 * @author secrets-starter team
 */
@Configuration(proxyBeanMethods = false)
public class OursWatchConfiguration {

	@Bean
	HandleHolder handleHolder() {
		return new HandleHolder();
	}

	/** Holds the handle. */
	public static class HandleHolder {

		@SecretValue("bench/s000")
		SecretHandle<String> handle;

		/**
		 * Whether the handle serves a revision.
		 * @param revision the revision
		 * @return whether its value carries it
		 */
		public boolean shows(String revision) {
			String value = this.handle.get();
			return value != null && value.contains("\"s000.revision\":\"" + revision + "\"");
		}

	}

}
