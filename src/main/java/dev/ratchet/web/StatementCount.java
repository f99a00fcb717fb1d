package dev.ratchet.web;

import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * How many SQL statements a request sends to the database: the access log prints it for every request, and the
 * statement budgets the tests hold each page to read it (a page that starts asking once per row shows at once). Every
 * statement through the application's data source is counted (JPA and JdbcTemplate alike), on the thread that
 * counts: the request's, between {@link #start()} and {@link #stop()}; a batch counts once, as one round trip.
 */
@Component
class StatementCount implements BeanPostProcessor, org.springframework.core.Ordered {

    /** After every other post-processor: the pool is configured (PostgresBatching) before it is wrapped here. */
    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    /** The request attribute that holds the count once the request is done. */
    static final String ATTRIBUTE = "ratchet.log.statements";

    /** At DEBUG, every counted statement is logged too (its SQL, never its parameters). */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StatementCount.class);

    private static final ThreadLocal<int[]> COUNTED = new ThreadLocal<>();

    static void start() {
        COUNTED.set(new int[1]);
    }

    /** The statements counted since {@link #start()} on this thread; counting stops. */
    static int stop() {
        int[] counted = COUNTED.get();
        COUNTED.remove();
        return counted == null ? 0 : counted[0];
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(new QueryExecutionListener() {
                @Override
                public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                    int[] counted = COUNTED.get();
                    if (counted != null) {
                        counted[0]++;
                        if (LOG.isDebugEnabled()) {
                            LOG.debug("#{} {}", counted[0], queries.isEmpty() ? "" : queries.get(0).getQuery());
                        }
                    }
                }

                @Override
                public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                }
            }).build();
        }
        return bean;
    }
}
