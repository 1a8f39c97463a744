export interface PlayControlsProps {
  playing: boolean;
  onPlay?: () => void;
  onPause?: () => void;
  onStep?: () => void;
  stepLabel?: string;
  onReset?: () => void;
  resetLabel?: string;
  disabled?: boolean;
}

/** Play/pause, one step, reset: the buttons of every widget that runs something over time. */
export function PlayControls({
  playing,
  onPlay,
  onPause,
  onStep,
  stepLabel = 'Step',
  onReset,
  resetLabel = 'Reset',
  disabled,
}: PlayControlsProps) {
  return (
    <div class="control control--buttons" role="group" aria-label="Run controls">
      {(onPlay || onPause) && (
        <button type="button" disabled={disabled} onClick={() => (playing ? onPause?.() : onPlay?.())}>
          {playing ? 'Pause' : 'Play'}
        </button>
      )}
      {onStep && (
        <button type="button" disabled={disabled || playing} onClick={onStep}>
          {stepLabel}
        </button>
      )}
      {onReset && (
        <button type="button" onClick={onReset}>
          {resetLabel}
        </button>
      )}
    </div>
  );
}
