package dev.secretsstarter.samples.quickstart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Start with {@code ./mvnw -pl samples/quickstart -am compile spring-boot:run}, then open
 * http://127.0.0.1:8080/secrets (see samples/quickstart/README.md).
 *
 * @author secrets-starter team
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class QuickstartApplication {

	public static void main(String[] args) {
		SpringApplication.run(QuickstartApplication.class, args);
	}

}
