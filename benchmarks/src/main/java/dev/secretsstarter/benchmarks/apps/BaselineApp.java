package dev.secretsstarter.benchmarks.apps;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The benchmark application with no secrets starter on its class path: no component scan, nothing
 * but what auto-configuration and the command-line properties bring.
 *
 * @author secrets-starter team
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BaselineApp {

	/**
	 * Start, report, exit.
	 * @param args Spring Boot command-line properties
	 */
	public static void main(String[] args) {
		StartupMain.run(BaselineApp.class, args);
	}

}
