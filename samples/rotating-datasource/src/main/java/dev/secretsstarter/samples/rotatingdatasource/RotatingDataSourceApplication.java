package dev.secretsstarter.samples.rotatingdatasource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Start with {@code ./mvnw -pl samples/rotating-datasource -am compile spring-boot:run}, then open
 * http://127.0.0.1:8081/stats (see samples/rotating-datasource/README.md).
 *
 * @author secrets-starter team
 */
@SpringBootApplication
@EnableScheduling
public class RotatingDataSourceApplication {

	public static void main(String[] args) {
		SpringApplication.run(RotatingDataSourceApplication.class, args);
	}

}
