package dev.ratchet.shared;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, lets the driver send a batch of inserts as multi-row inserts (reWriteBatchedInserts): a migration
 * of 100,000 tracker rows writes its records, actions, history and index in batches, and this makes each batch one
 * statement instead of hundreds. Set here, not in the URL, so that every PostgreSQL URL an operator gives gets it
 * (one given in the URL wins).
 */
@Component
class PostgresBatching implements BeanPostProcessor, org.springframework.core.Ordered {

    /** Before any post-processor wraps the pool (the statement count does): this one needs the pool itself. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")
                && !hikari.getJdbcUrl().contains("reWriteBatchedInserts") && !hikari.getDataSourceProperties().containsKey("reWriteBatchedInserts")) {
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
