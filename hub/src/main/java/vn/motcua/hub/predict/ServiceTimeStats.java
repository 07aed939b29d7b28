package vn.motcua.hub.predict;

/**
 * What a predictor knows about how long a service takes at a counter. The baselines read the office's configured
 * means ({@link ConfiguredServiceTimes}); statistics learned online from finished services plug in here.
 */
public interface ServiceTimeStats {

    /** @throws IllegalArgumentException for a service the statistics know nothing about */
    double meanMinutes(String service);
}
