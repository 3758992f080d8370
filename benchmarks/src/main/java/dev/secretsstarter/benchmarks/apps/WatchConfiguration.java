package dev.secretsstarter.benchmarks.apps;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Adds the bean the watch benchmarks observe.
 *
 * @author secrets-starter team
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RotatedProperties.class)
public class WatchConfiguration {

}
